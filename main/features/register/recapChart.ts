// exceljs writes no charts: the recap's bar chart is added to the finished workbook as DrawingML
// (a chart part, a drawing anchoring it beside the tables, their relationships and content types).
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';

const require = createRequire(import.meta.url);
type JSZipCtor = typeof import('jszip');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export interface ChartSeries {
  title: string;
  sheet: string;
  /** 1-based rows of the categories (column A) and values (column B). */
  firstRow: number;
  lastRow: number;
}

function chartXml(s: ChartSeries): string {
  const ref = (col: string) => `'${s.sheet.replace(/'/g, "''")}'!$${col}$${s.firstRow}:$${col}$${s.lastRow}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(s.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>
<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>
<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Jumlah</c:v></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="1F5E3B"/></a:solidFill></c:spPr>
<c:cat><c:strRef><c:f>${esc(ref('A'))}</c:f></c:strRef></c:cat>
<c:val><c:numRef><c:f>${esc(ref('B'))}</c:f></c:numRef></c:val></c:ser>
<c:axId val="111"/><c:axId val="222"/></c:barChart>
<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="222"/></c:catAx>
<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:crossAx val="111"/></c:valAx>
</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
}

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">
<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>
<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafik rekap"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>
<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic>
</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const REL = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
const RELS = (inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;

/** Adds a bar chart of `series` to the first worksheet of the .xlsx at `file`. */
export async function addBarChart(file: string, series: ChartSeries): Promise<void> {
  const JSZip = require('jszip') as JSZipCtor;
  const zip = await JSZip.loadAsync(await readFile(file));
  zip.file('xl/charts/chart1.xml', chartXml(series));
  zip.file('xl/drawings/drawing1.xml', DRAWING);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', RELS(REL('rId1', 'chart', '../charts/chart1.xml')));
  const sheetRelsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const existing = await zip.file(sheetRelsPath)?.async('string');
  const drawingRel = REL('rIdLoketChart', 'drawing', '../drawings/drawing1.xml');
  zip.file(sheetRelsPath, existing ? existing.replace('</Relationships>', `${drawingRel}</Relationships>`) : RELS(drawingRel));
  let sheet = (await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
  if (!/xmlns:r=/.test(sheet)) sheet = sheet.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  // <drawing> comes after the page setup and before legacy drawings, table parts and extensions.
  const before = ['<legacyDrawing', '<tableParts', '<extLst', '</worksheet>'].map((tag) => sheet.indexOf(tag)).find((i) => i >= 0)!;
  sheet = `${sheet.slice(0, before)}<drawing r:id="rIdLoketChart"/>${sheet.slice(before)}`;
  zip.file('xl/worksheets/sheet1.xml', sheet);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
