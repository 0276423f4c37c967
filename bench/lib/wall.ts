/** Epoch milliseconds with sub-millisecond resolution, comparable between processes on one machine. */
export const wallNow = () => performance.timeOrigin + performance.now();
