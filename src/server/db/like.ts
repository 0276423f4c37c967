/** Escapes the wildcard characters of a LIKE pattern, so user input matches literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
