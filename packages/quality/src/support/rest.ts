/** How long a process rests after it listens before its idle RSS is read (bench and load alike). */
export const IDLE_AFTER_MS = 1000;

export const rest = (ms = IDLE_AFTER_MS) => new Promise((r) => setTimeout(r, ms));
