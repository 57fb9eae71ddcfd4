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
  modelNameMax: 200,
  modelVersionNameMax: 200,
  tagMax: 40,
  tagsMax: 20,
  searchQueryMax: 200,
} as const;
