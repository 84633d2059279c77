export type Enrolment = 'open' | 'invitation' | 'cohort';

export type Item =
  | { kind: 'lesson'; title: string; markdown: string }
  | { kind: 'reflection'; prompt: string; guidance?: string }
  | { kind: 'activity'; title: string; markdown: string };

export interface Module {
  /** 1-based position, from the file name (`03-….md` is module 3). */
  number: number;
  /** From the file name, without the number: `03-leadership.md` has slug `leadership`. */
  slug: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  objectives: string[];
  items: Item[];
}

export interface Course {
  slug: string;
  title: string;
  summary: string;
  language: string;
  toolkit: string;
  outcomes: string[];
  estimatedHours: number;
  topics: string[];
  sdgs: number[];
  enrolment: Enrolment;
  modules: Module[];
}
