import type { workshopsFi } from './workshops.fi';

export const workshopsEn: typeof workshopsFi = {
  workshops: {
    title: 'Workshops',
  },
};
