/**
 * `Content-Disposition: attachment` for a download (RFC 6266 / RFC 8187): an ASCII fallback
 * name for old clients and the UTF-8 name (`filename*`) for the rest, so "Perhetyön malli.pdf"
 * arrives intact and no name can break out of the header.
 */
export function attachmentDisposition(filename: string): string {
  // Control characters would end the header; slashes would read as a path.
  // eslint-disable-next-line no-control-regex
  const cleaned = filename.replace(/[\u0000-\u001f\u007f/\\]+/g, ' ').trim() || 'download';
  const ascii = cleaned
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["%;]/g, '_');
  const encoded = encodeURIComponent(cleaned).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
