import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms` (objects compared by their JSON). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
    // Keyed by content, not identity: a new object with the same content is no change.
  }, [key, ms]);
  return settled;
}
