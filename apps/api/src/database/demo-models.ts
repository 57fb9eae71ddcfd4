import { initialModelDocument } from '@kehittamo/shared/model-content';
import { DocumentStore } from '@kehittamo/collab/server';
import { CollabDocumentRegistry } from '@kehittamo/server/data-access';
import type { ModelDescriptionContent, RichDoc, RichNode } from '@kehittamo/shared/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/*
 * Two demo model descriptions written for this platform (fictional, not from any real
 * description): one in development in Kainuu's own space, one ready in the project space
 * with two versions.
 */

const text = (value: string): RichNode => ({ type: 'text', text: value });
const p = (...parts: (string | RichNode)[]): RichNode => ({ type: 'paragraph', content: parts.map((x) => (typeof x === 'string' ? text(x) : x)) });
const bold = (value: string): RichNode => ({ type: 'text', text: value, marks: [{ type: 'bold' }] });
const h = (value: string): RichNode => ({ type: 'heading', attrs: { level: 3 }, content: [text(value)] });
const ul = (...items: string[]): RichNode => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [p(i)] })) });
const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });
const empty: RichDoc = { type: 'doc' };

const HOME_VISITS: ModelDescriptionContent = {
  facts: {
    summary:
      'Perhetyöntekijä ja sosiaalityöntekijä tekevät perheen kanssa yhdessä sovitut kotikäynnit, joissa vanhemmat harjoittelevat arjen rutiineja ja saavat palautetta onnistumisistaan.',
    place: 'Kainuun hyvinvointialue, lapsiperheiden sosiaalityö',
    organisations: 'Kainuun hyvinvointialue',
    funders: 'Euroopan unionin rahoitus (ESR+)',
    authors: 'Kainuun kehittäjätiimi',
  },
  sections: {
    basicIdea: doc(
      p('Moni vanhempi tietää, mitä lapsi tarvitsee, mutta arjen kiire ja väsymys vievät voimat. Malli tuo tuen sinne, missä arki tapahtuu: perheen kotiin.'),
      p('Käynneillä ', bold('ei arvioida'), ' vaan harjoitellaan yhdessä: aamutoimet, ruokailut, iltarutiinit ja riitojen rauhoittaminen.'),
    ),
    environment: doc(p('Lapsiperheiden sosiaalityö ja perhetyö toimivat samassa tiimissä. Kotikäynnit sovitaan asiakassuunnitelmaan.')),
    targetGroup: doc(
      p('Perheet, joissa on lastensuojelun avohuollon asiakkuus ja joissa vanhemmat toivovat tukea arjen hallintaan.'),
      ul('Vanhemmat, jotka haluavat harjoitella käytännön tilanteita', 'Perheet, joissa on alle kouluikäisiä lapsia'),
    ),
    conditions: empty,
    evaluation: empty,
    tips: doc(p('Sopikaa ensimmäisellä käynnillä yksi pieni tavoite, jonka onnistumisen perhe itse huomaa.')),
  },
  structure: [
    { id: 'kotikaynnit-1', title: 'Tutustuminen ja tavoitteet', body: doc(p('Perhe kertoo, mikä arjessa sujuu ja mikä kuormittaa. Tavoitteet kirjataan perheen omin sanoin.')) },
    { id: 'kotikaynnit-2', title: 'Harjoittelujakso', body: doc(p('Kuusi viikoittaista käyntiä, joilla harjoitellaan valittuja tilanteita.')) },
  ],
};

const EXPERTS_DRAFT: ModelDescriptionContent = {
  facts: {
    summary: 'Kokemusasiantuntijat osallistuvat kehittäjäryhmiin alusta asti ja kommentoivat luonnoksia omalla nimimerkillään.',
    place: 'Itä-Suomen hyvinvointialueet',
    organisations: 'ISO, Etelä-Savon hyvinvointialue, Kainuun hyvinvointialue, Pohjois-Savon hyvinvointialue',
    funders: 'Euroopan unionin rahoitus (ESR+)',
    authors: 'Hankkeen kehittäjäryhmä',
  },
  sections: {
    basicIdea: doc(p('Palveluja kehitetään yhdessä niiden kanssa, joilla on omaa kokemusta lastensuojelusta.')),
    environment: empty,
    targetGroup: empty,
    conditions: empty,
    evaluation: empty,
    tips: empty,
  },
  structure: [],
};

const EXPERTS_READY: ModelDescriptionContent = {
  facts: { ...EXPERTS_DRAFT.facts, programmeName: 'Lapsi- ja perhepalveluiden kehittäminen' },
  sections: {
    basicIdea: doc(
      p(
        'Palveluja kehitetään yhdessä niiden kanssa, joilla on omaa kokemusta lastensuojelusta. Kokemusasiantuntija on kehittäjäryhmän täysivaltainen jäsen, ei kuultava vieras.',
      ),
      p('Osallistuminen on matalan kynnyksen toimintaa: luonnoksia voi kommentoida puhelimella omaan tahtiin, eikä kenenkään tarvitse kertoa taustastaan.'),
    ),
    environment: doc(p('Malli toimii neljän organisaation yhteisessä hankkeessa, jossa kehittäjäryhmät tapaavat sekä etänä että kasvokkain.')),
    targetGroup: doc(
      p('Kokemusasiantuntijat, jotka ovat olleet lastensuojelun asiakkaina itse tai vanhempina, sekä kehittäjäryhmien ammattilaiset.'),
      ul('Nuoret ja aikuiset, joilla on asiakaskokemusta', 'Työntekijät ja esihenkilöt, jotka kehittävät palveluja'),
    ),
    conditions: doc(
      h('Resurssit'),
      ul('Koulutettu kokemusasiantuntija jokaisessa kehittäjäryhmässä', 'Palkkio ja matkakulut sovitaan etukäteen', 'Nimetty yhteyshenkilö, joka tukee ennen ja jälkeen tapaamisten'),
      p('Luottamuksellisuus sovitaan kirjallisesti: kenenkään asiakkuudesta ei puhuta ryhmän ulkopuolella.'),
    ),
    evaluation: doc(p('Kokeilun aikana kerättiin palautetta kolmesta kehittäjäryhmästä. Kokemusasiantuntijoiden kommentit muuttivat erityisesti asiakaskirjeiden kieltä selkeämmäksi.')),
    tips: doc(
      p('Varatkaa aikaa tutustumiseen ennen varsinaista työtä.'),
      p('Kirjoittakaa luonnokset selkokielellä, jotta kommentointi on helppoa kaikille.'),
    ),
  },
  structure: [
    { id: 'kokemus-1', title: 'Rekrytointi ja perehdytys', body: doc(p('Kokemusasiantuntijat kutsutaan mukaan kokemusasiantuntijatoimintaa järjestävien tahojen kautta ja perehdytetään hankkeen tavoitteisiin.')) },
    { id: 'kokemus-2', title: 'Yhteiskehittäminen', body: doc(p('Työpajoissa ja verkossa kommentoidaan luonnoksia. Jokainen kommentti käsitellään ja vastaus näkyy kommentoijalle.')) },
    { id: 'kokemus-3', title: 'Palaute ja arviointi', body: doc(p('Lopuksi arvioidaan yhdessä, miten kokemustieto muutti lopputulosta.')) },
  ],
};

interface DemoModel {
  space: 'kainuu' | 'project';
  name: string;
  phases: string[];
  workPackages: string[];
  tags: string[];
  content: ModelDescriptionContent;
  /** Earlier versions: name, kind and the content at that moment. */
  versions: { name: string; kind: 'manual' | 'phase'; content: ModelDescriptionContent }[];
}

const DEMO_MODELS: DemoModel[] = [
  {
    space: 'kainuu',
    name: 'Kotikäynnit vanhemmuuden tukena',
    phases: ['idea', 'in-development'],
    workPackages: ['TP2'],
    tags: ['perhetyö', 'vanhemmuus'],
    content: HOME_VISITS,
    versions: [],
  },
  {
    space: 'project',
    name: 'Kokemusasiantuntijat kehittäjäryhmissä',
    phases: ['idea', 'in-development', 'ready'],
    workPackages: ['TP1', 'TP4'],
    tags: ['kokemusasiantuntijuus', 'yhteiskehittäminen'],
    content: EXPERTS_READY,
    versions: [
      { name: 'Ensimmäinen luonnos', kind: 'manual', content: EXPERTS_DRAFT },
      { name: 'Kehitteillä → Valmis', kind: 'phase', content: EXPERTS_READY },
    ],
  },
];

/** Writes the demo descriptions (in the seed's transaction), authored by the demo developer. */
export async function seedDemoModels(manager: EntityManager, spaceIds: { kainuu: string; project: string }, authorId: string): Promise<void> {
  // The same registry and first write an import uses, bound to the seed's transaction.
  const registry = new CollabDocumentRegistry(manager.connection);
  const store = new DocumentStore(manager.connection);
  for (const model of DEMO_MODELS) {
    const id = randomUUID();
    const spaceId = spaceIds[model.space];
    const docName = await registry.register(manager, 'model', id, spaceId);
    await manager.query(
      `INSERT INTO model_descriptions (id, space_id, doc_name, name, phase, work_packages, tags, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, spaceId, docName, model.name, model.phases.at(-1), model.workPackages, model.tags, authorId],
    );
    for (const [i, phase] of model.phases.entries()) {
      await manager.query(`INSERT INTO model_phase_changes (model_id, from_phase, to_phase, changed_by) VALUES ($1, $2, $3, $4)`, [
        id,
        model.phases[i - 1] ?? null,
        phase,
        authorId,
      ]);
    }
    const { update, projection } = initialModelDocument(model.content);
    await store.writeInitial(manager, docName, update, projection);
    for (const [i, version] of model.versions.entries()) {
      await manager.query(
        `INSERT INTO model_versions (model_id, number, name, kind, state, content, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, i + 1, version.name, version.kind, Buffer.from(initialModelDocument(version.content).update), JSON.stringify(version.content), authorId],
      );
    }
  }
}
