import type { workshopsFi } from './workshops.fi';

export const workshopsSv: typeof workshopsFi = {
  workshops: {
    title: 'Workshoppar',
  },
};
