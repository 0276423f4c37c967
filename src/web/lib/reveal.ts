/** How long a revealed number stays on screen before it is masked again (a screen left open shows nothing). */
export const REVEAL_VISIBLE_MS = 30_000;
