/** Workshops, live mode, attendance, summary and feedback. Finnish is the source. */
export const workshopsFi = {
  workshops: {
    title: 'Työpajat',
  },
};
