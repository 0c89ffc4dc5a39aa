package io.itsmhub.core.problem;

import io.itsmhub.core.common.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

public record ProblemForm(@NotBlank @Size(max = 200) String title, @Size(max = 10000) String description,
                          Priority priority, String assignmentGroup, String assignee, Set<String> incidents) { }
