import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ProjectRef } from './session';

interface ProjectState {
  projects: ProjectRef[];
  current: ProjectRef | null;
  setCurrent: (id: string) => void;
}

const ProjectContext = createContext<ProjectState>({ projects: [], current: null, setCurrent: () => {} });
const STORAGE_KEY = 'wd.project';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The project the desk is working on; remembered per browser, always one of the user's projects. */
export function ProjectProvider({ projects, children }: { projects: ProjectRef[]; children: ReactNode }) {
  const sorted = useMemo(() => [...projects].sort((a, b) => a.code.localeCompare(b.code)), [projects]);
  const [chosen, setChosen] = useState<string | null>(stored);
  const current = sorted.find((p) => p.id === chosen) ?? sorted[0] ?? null;
  const value = useMemo<ProjectState>(
    () => ({
      projects: sorted,
      current,
      setCurrent: (id) => {
        setChosen(id);
        try {
          localStorage.setItem(STORAGE_KEY, id);
        } catch {
          /* private mode: keep it in memory */
        }
      },
    }),
    [sorted, current],
  );
  return <ProjectContext.Provider value={value}>{children}</ProjectContext.Provider>;
}

export const useProject = () => useContext(ProjectContext);
