package io.itsmhub.core.fulfilment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A request's fulfilment as the requester and the fulfilment team see it: each step done, current or to come. */
public record FulfilmentView(String request, String plan, String state, Step currentStep, List<StepView> steps,
                             int attempts, String error, Map<String, Object> data, Instant startedAt, Instant updatedAt) {

    public record StepView(Step step, String status) { }

    static FulfilmentView of(Fulfilment f) {
        List<Step> plan = Step.plan(f.getPlan());
        int current = plan.indexOf(f.getStep());
        boolean done = f.getState() == Fulfilment.State.DONE;
        List<StepView> steps = new java.util.ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            String status = done || (current >= 0 && i < current) || current < 0 ? "done"
                    : i == current ? (f.getState() == Fulfilment.State.HELD ? "failed" : "running") : "pending";
            steps.add(new StepView(plan.get(i), status));
        }
        if (f.getStep() == Step.COMPENSATE) {
            steps.add(new StepView(Step.COMPENSATE, f.getState() == Fulfilment.State.CANCELLED ? "done" : "running"));
        }
        return new FulfilmentView(f.getRequestNumber(), f.getPlan(), f.getState().name(), f.getStep(), steps,
                f.getAttempts(), f.getError(), f.getData(), f.getStartedAt(), f.getUpdatedAt());
    }
}
