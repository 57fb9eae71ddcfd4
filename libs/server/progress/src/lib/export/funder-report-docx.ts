import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { finnishDate, reportTables, type FunderReportData } from './funder-report-data';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const paragraph = (text: string) => new Paragraph({ children: [new TextRun(text)] });

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

/** The funder progress report as a Word document (Finnish). */
export async function renderFunderReportDocx(data: FunderReportData): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    heading(`Väliraportti rahoittajalle: ${data.projectName}`, HeadingLevel.TITLE),
    paragraph(`Raportointijakso ${data.period} (${finnishDate(data.startsOn)}–${finnishDate(data.endsOn)}). Koottu Kehittämössä ${finnishDate(data.generatedOn)}.`),
  ];
  for (const t of reportTables(data)) {
    children.push(heading(t.title, HeadingLevel.HEADING_1), table(t.header, t.rows));
  }
  children.push(heading('Valmistuneet tehtävät ja välitavoitteet', HeadingLevel.HEADING_1));
  const completed = data.workPackages.flatMap((wp) => wp.completed.map((c) => `${wp.code}: ${c.title} (${c.organisation}, ${finnishDate(c.dueOn)})`));
  children.push(...(completed.length ? completed.map((c) => new Paragraph({ text: c, bullet: { level: 0 } })) : [paragraph('Jaksolla ei valmistunut tehtäviä.')]));
  children.push(heading('Nostot toteuttajien raporteista', HeadingLevel.HEADING_1));
  if (data.highlights.length === 0) children.push(paragraph('Jaksolta ei ole vielä raportteja.'));
  for (const h of data.highlights) {
    children.push(heading(`${h.organisation} (${h.status})`, HeadingLevel.HEADING_2), paragraph(`Tehty: ${h.done}`), paragraph(`Seuraavaksi: ${h.next}`));
  }
  const doc = new Document({
    creator: 'Kehittämö',
    title: `Väliraportti ${data.period}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
