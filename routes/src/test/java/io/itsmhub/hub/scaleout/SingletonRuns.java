package io.itsmhub.hub.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The singleton timer runs the hubs logged (logger {@code io.itsmhub.hub.leader}, one line per run:
 * {@code singleton-run name=<timer> hub=<hubId> start=<epochMillis> end=<epochMillis>}), and the pairs of runs of one
 * timer on two different hubs that overlapped in time, which a leader lock must prevent.
 */
final class SingletonRuns {

    record Run(String timer, String hub, long start, long end, Path log) { }

    record Overlap(Run first, Run second) {
        @Override
        public String toString() {
            return first.timer() + ": " + first.hub() + " [" + first.start() + ".." + first.end() + "] and "
                    + second.hub() + " [" + second.start() + ".." + second.end() + "] (" + first.log().getFileName()
                    + ", " + second.log().getFileName() + ")";
        }
    }

    private static final Pattern LINE =
            Pattern.compile("singleton-run name=(\\S+) hub=(\\S+) start=(\\d+) end=(\\d+)");

    private final List<Run> runs;

    private SingletonRuns(List<Run> runs) {
        this.runs = runs;
    }

    static SingletonRuns parse(List<Path> logs) {
        List<Run> runs = new ArrayList<>();
        for (Path log : logs) {
            try (var lines = Files.lines(log)) {
                lines.forEach(line -> {
                    Matcher m = LINE.matcher(line);
                    if (m.find()) {
                        runs.add(new Run(m.group(1), m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), log));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + log, e);
            }
        }
        return new SingletonRuns(runs);
    }

    List<Run> runs() {
        return runs;
    }

    /** Runs per timer name, and on how many distinct hubs each ran, e.g. {@code sla-breach=412 runs on 3 hubs}. */
    Map<String, String> summary() {
        Map<String, String> summary = new TreeMap<>();
        runs.stream().collect(Collectors.groupingBy(Run::timer)).forEach((timer, of) -> summary.put(timer,
                of.size() + " runs on " + of.stream().map(Run::hub).distinct().count() + " hubs"));
        return summary;
    }

    /** Two runs of one timer by different hubs whose [start, end] intervals intersect. */
    List<Overlap> overlaps() {
        List<Overlap> found = new ArrayList<>();
        runs.stream().collect(Collectors.groupingBy(Run::timer)).values().forEach(ofTimer -> {
            List<Run> byStart = ofTimer.stream().sorted(Comparator.comparingLong(Run::start)).toList();
            // each run against the later-starting runs that began before it ended; a run logs its end before it
            // releases the lock, so a successor starting in the same millisecond is no overlap
            for (int i = 0; i < byStart.size(); i++) {
                Run a = byStart.get(i);
                for (int j = i + 1; j < byStart.size() && byStart.get(j).start() < a.end(); j++) {
                    Run b = byStart.get(j);
                    if (!a.hub().equals(b.hub())) {
                        found.add(new Overlap(a, b));
                    }
                }
            }
        });
        return found;
    }
}
