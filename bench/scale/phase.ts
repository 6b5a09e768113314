import { INestApplicationContext } from '@nestjs/common';
import { Pool } from 'mysql2/promise';

/** One scale-bench phase: the project's path beside the raw SQL doing the same set-based work. */
export interface Phase {
  name: string;
  target: string;
  /** What the figure counts (members, messages): the line then shows rates and the project's share of the raw rate. */
  unit?: string;
  /** Set-up before both sides run (not timed). */
  prepare?: (pool: Pool, app: INestApplicationContext) => Promise<void>;
  /** The raw SQL doing the same set-based work; answers a figure to check the project's against. */
  raw: (pool: Pool) => Promise<number>;
  /** Between the raw twin and the project's path (not timed): puts back what the raw twin wrote when both must start alike. */
  between?: (pool: Pool) => Promise<void>;
  /** The project's own path; answers the same figure. */
  project?: (app: INestApplicationContext) => Promise<number>;
  /** Tidying after both sides (not timed): scratch tables, settings the phase changed. */
  cleanup?: (pool: Pool) => Promise<void>;
}
