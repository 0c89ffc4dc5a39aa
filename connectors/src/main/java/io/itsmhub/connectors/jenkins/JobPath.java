package io.itsmhub.connectors.jenkins;

import java.net.URI;
import java.util.Objects;

/**
 * A job's full name split the way jenkins-rest wants it: the folder path (null at the top level) and the job's
 * own name, split at the last '/'.
 */
record JobPath(String folder, String name) {

    static JobPath parse(String jobPath) {
        Objects.requireNonNull(jobPath, "jobPath");
        String path = jobPath.strip();
        // Tolerate "/a/b/" as people copy it from URLs; refuse empty segments, which no Jenkins item has.
        path = path.replaceAll("^/+|/+$", "");
        if (path.isEmpty() || path.contains("//")) {
            throw new IllegalArgumentException("not a Jenkins job path: '" + jobPath + "'");
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? new JobPath(null, path) : new JobPath(path.substring(0, slash), path.substring(slash + 1));
    }

    /**
     * Whether a URL Jenkins reports (a queue item's task URL) is this job's: its path ends with
     * {@code /job/<folder>/job/<name>/}. Compared decoded, as Jenkins percent-encodes names in URLs.
     */
    boolean isUrlOf(String url) {
        if (url == null) {
            return false;
        }
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
        StringBuilder expected = new StringBuilder();
        for (String segment : toString().split("/")) {
            expected.append("/job/").append(segment);
        }
        return path != null && (path.endsWith(expected + "/") || path.endsWith(expected.toString()));
    }

    /** The full name back from a job URL Jenkins reports, or null when it is not one. */
    static String fullNameOf(String url) {
        try {
            String path = URI.create(url).getPath();
            int first = path.indexOf("/job/");
            if (first < 0) {
                return null;
            }
            return String.join("/", path.substring(first + "/job/".length()).replaceAll("/$", "").split("/job/"));
        } catch (RuntimeException notAUrl) {
            return null;
        }
    }

    @Override
    public String toString() {
        return folder == null ? name : folder + "/" + name;
    }
}
