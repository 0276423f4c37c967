/** Request body limits, in bytes: one place for the app-wide JSON limit and the routes that take files. */
export const BODY_LIMITS = {
  json: 256 * 1024,
  /** A signature drawn on screen (PNG data URL up to 280,000 characters) with the rest of the form. */
  signature: 512 * 1024,
  /** Up to six photos of 2 MB each as data URLs. */
  photos: 13 * 1024 * 1024,
  /** A scanned archive document (PDF, JPEG or PNG), sent as the raw body. */
  scan: 10 * 1024 * 1024,
  /** An Excel workbook of units and households. */
  workbook: 10 * 1024 * 1024,
} as const;
