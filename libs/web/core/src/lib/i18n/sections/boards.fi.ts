/** Boards and their outline view. Finnish is the source: the other languages are typed by it. */
export const boardsFi = {
  board: {
    title: 'Taulu',
    backToSpace: 'Takaisin työtilaan',
    notes: 'Yhteiset muistiinpanot',
    notesHint: 'Muutokset tallentuvat itsestään ja näkyvät muille heti.',
    readOnlyView: 'Sinulla on katseluoikeus: voit lukea muistiinpanoja mutta et muokata niitä.',
    readOnlyComment: 'Sinulla on kommentointioikeus: voit lukea muistiinpanoja mutta et muokata niitä.',
    notFound: 'Taulua ei löytynyt, tai sinulla ei ole siihen pääsyä.',
  },
  boards: {
    heading: 'Taulut',
    none: 'Työtilassa ei ole vielä tauluja.',
    createHeading: 'Luo uusi taulu',
    titleField: 'Taulun nimi',
    create: 'Luo taulu',
    created: 'Taulu {title} on luotu.',
  },
};
