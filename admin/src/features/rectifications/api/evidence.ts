/**
 * Evidence bytes go straight to storage on a short-lived signed URL (S3 in AWS, the local server in
 * development): the API signs, then the file is PUT with exactly the headers signed; downloads and
 * previews likewise (api/evidence-download.ts).
 */
export { sha256Hex, type UploadProgress, uploadEvidence } from '../../../api/evidence-upload.js';
