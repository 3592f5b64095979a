// A task boundary: what follows runs in a task of its own, after the browser has had the
// chance to draw (a request that copies a whole design must not sit in the task that draws).
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
