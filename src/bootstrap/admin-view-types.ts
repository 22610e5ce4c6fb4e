/** The shape of a Content Manager view as code (src/bootstrap/admin-views.ts, admin-views-readers.ts). */
export interface FieldMeta {
  label?: string;
  description?: string;
  placeholder?: string;
  editable?: boolean;
}

export interface ViewConfig {
  settings?: Record<string, unknown>;
  list?: string[];
  /** Rows of [field, width out of 12]: fields that belong together sit together. */
  edit?: Array<Array<[string, number]>>;
  fields?: Record<string, FieldMeta>;
}
