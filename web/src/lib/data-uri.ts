/**
 * An SVG document as a data: URI for an <img> (base64 of its UTF-8 bytes, RFC 2397): the page's
 * Content-Security-Policy allows images from data: (src/web/web-app.ts), and an <img> runs no
 * script the document might hold, unlike markup put into the page.
 */
export function svgDataUri(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** A key to type by hand, in groups of four characters ("ABCD EFGH …"): authenticator apps ignore the spaces. */
export const inGroupsOfFour = (key: string): string => key.replace(/(.{4})(?=.)/g, '$1 ');
