import { apiErrorFrom, networkError } from './api-client';
import { formatBytes } from './format';

/** What the server accepts, by extension, for files the browser gives no type. */
const typesByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
  eml: 'message/rfc822',
};

export const acceptedUploadTypes = [...new Set(Object.values(typesByExtension))];
export const maxUploadBytes = 25 * 1024 * 1024;

export function uploadContentType(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return typesByExtension[extension] ?? 'application/octet-stream';
}

/** Why a chosen file cannot be sent, in words, or null when it can; the server checks the same again. */
export function checkUploadFile(file: File | undefined): string | null {
  if (!file) return 'Choose a file to upload';
  if (file.size > maxUploadBytes) return `The file is ${formatBytes(file.size)}; the limit is 25 MB`;
  if (!acceptedUploadTypes.includes(uploadContentType(file))) {
    return 'Accepted: PDF, PNG, JPEG, TIFF, ZIP, Word (.docx), Excel (.xlsx), plain text, CSV and email (.eml)';
  }
  return null;
}

/**
 * Sends a file as the raw request body. This goes through fetch rather than the typed JSON client;
 * errors become the same ApiError every other call throws.
 */
export async function postFile<T>(url: string, file: File): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': uploadContentType(file) },
      body: file,
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json()) as T;
}
