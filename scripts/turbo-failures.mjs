// The test command's lines for the turbo tasks that failed without a failed test to show for it.
/**
 * One line per task of a turbo run summary (`turbo run --summarize`) that exited with an error:
 * a lint, typecheck or build task; a test task only when its package's vitest report counted no
 * failure (`packagesWithFailures` names those that did), so a failed test is not counted twice.
 */
export function turboFailures(summary, packagesWithFailures = new Set()) {
  return summary.tasks
    .filter((task) => (task.execution?.exitCode ?? 0) !== 0)
    .filter((task) => task.task !== "test" || !packagesWithFailures.has(task.package))
    .map((task) => `${task.taskId}: exited with code ${task.execution.exitCode}`);
}
