import { createContext, useContext } from 'react';

/**
 * The institution that files uploaded on this page belong to (the course's owner). Pages that
 * edit a course's content provide it, so dialogs deep inside the editor can upload.
 */
export const UploadInstitution = createContext<string | null>(null);

export const useUploadInstitution = () => useContext(UploadInstitution);
