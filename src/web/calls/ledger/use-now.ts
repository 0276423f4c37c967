import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`, for countdowns between the board's 30 s refreshes. */
export function useNow(everyMs = 10_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
