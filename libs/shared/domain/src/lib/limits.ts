/** Input limits shared by server validation and web forms. */
export const LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
  displayNameMin: 2,
  displayNameMax: 60,
  realNameMax: 120,
  organisationNameMax: 120,
  shortNameMax: 20,
  spaceNameMax: 120,
  spaceDescriptionMax: 2000,
  boardTitleMax: 200,
} as const;
