import type { Routes } from '@angular/router';

/** Workshops: list, plan, run live, and what comes after (attendance, summary, feedback). */
export const workshopsRoutes: Routes = [];
