import PDFDocument from 'pdfkit';
import { finnishDate, reportTables, type FunderReportData } from './funder-report-data';

const MARGIN = 50;

/** The funder progress report as an A4 PDF (Finnish, pdfkit's standard Helvetica). */
export function renderFunderReportPdf(data: FunderReportData): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN, pdfVersion: '1.7', lang: 'fi-FI', displayTitle: true, info: { Title: `Väliraportti ${data.period}`, Creator: 'Kehittämö' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.font('Helvetica-Bold').fontSize(18).text(`Väliraportti rahoittajalle: ${data.projectName}`);
      doc.moveDown(0.5).font('Helvetica').fontSize(10);
      doc.text(`Raportointijakso ${data.period} (${finnishDate(data.startsOn)}–${finnishDate(data.endsOn)}). Koottu Kehittämössä ${finnishDate(data.generatedOn)}.`);
      for (const t of reportTables(data)) {
        doc.moveDown().font('Helvetica-Bold').fontSize(13).text(t.title).moveDown(0.3);
        writeTable(doc, t.header, t.rows);
      }
      doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Valmistuneet tehtävät ja välitavoitteet').font('Helvetica').fontSize(10);
      const completed = data.workPackages.flatMap((wp) => wp.completed.map((c) => `${wp.code}: ${c.title} (${c.organisation}, ${finnishDate(c.dueOn)})`));
      if (completed.length) doc.list(completed);
      else doc.text('Jaksolla ei valmistunut tehtäviä.');
      doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Nostot toteuttajien raporteista').font('Helvetica').fontSize(10);
      if (data.highlights.length === 0) doc.text('Jaksolta ei ole vielä raportteja.');
      for (const h of data.highlights) {
        doc.moveDown(0.5).font('Helvetica-Bold').text(`${h.organisation} (${h.status})`).font('Helvetica');
        doc.text(`Tehty: ${h.done}`).text(`Seuraavaksi: ${h.next}`);
      }
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** A simple grid: equal columns, header in bold, rows wrapped, a new page when full. */
function writeTable(doc: PDFKit.PDFDocument, header: string[], rows: string[][]): void {
  const width = doc.page.width - 2 * MARGIN;
  const columns = header.length;
  const first = columns > 4 ? width * 0.22 : width * 0.4;
  const rest = (width - first) / (columns - 1);
  const widths = [first, ...Array.from({ length: columns - 1 }, () => rest)];
  const writeRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(columns > 4 ? 8 : 9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 4 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 3, { width: widths[i] - 4 });
      x += widths[i];
    });
    doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  writeRow(header, true);
  for (const row of rows) writeRow(row, false);
}
