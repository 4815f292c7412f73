import { buildAnswer, type Extraction } from './answer.js';
import { htmlToDoc } from './html.js';
import { markdownToDoc } from './markdown.js';
import { analyzePage, type PageAnalysis } from './page.js';

/** One HTML page → the publisher's identifiers. */
export const extractFromHtml = (html: string, url: string | null = null): Extraction =>
  buildAnswer([analyzePage(htmlToDoc(html), url)], 0);

/** Plain text or Markdown (HTML inside Markdown is understood too). */
export const extractFromText = (text: string, url: string | null = null): Extraction =>
  buildAnswer([analyzePage(markdownToDoc(text), url)], 0);

export const analyzeHtml = (html: string, url: string | null): PageAnalysis =>
  analyzePage(htmlToDoc(html), url);
export const analyzeText = (text: string, url: string | null): PageAnalysis =>
  analyzePage(markdownToDoc(text), url);
