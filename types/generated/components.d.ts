import type { Schema, Struct } from '@strapi/strapi';

export interface ProgramFacilitator extends Struct.ComponentSchema {
  collectionName: 'components_program_facilitators';
  info: {
    description: 'Who leads the group.';
    displayName: 'Facilitator';
    icon: 'user';
  };
  attributes: {
    credentials: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

export interface ProgramSchedule extends Struct.ComponentSchema {
  collectionName: 'components_program_schedules';
  info: {
    description: "When the group meets, in the practice's local time.";
    displayName: 'Schedule';
    icon: 'clock';
  };
  attributes: {
    durationMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 480;
          min: 15;
        },
        number
      > &
      Schema.Attribute.DefaultTo<90>;
    endDate: Schema.Attribute.Date;
    ends: Schema.Attribute.Enumeration<['never', 'after-sessions', 'on-date']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'never'>;
    firstSessionDate: Schema.Attribute.Date & Schema.Attribute.Required;
    interval: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 12;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    repeats: Schema.Attribute.Enumeration<
      ['once', 'weekly', 'monthly-by-weekday', 'monthly-by-date']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'weekly'>;
    sessionCount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 520;
          min: 1;
        },
        number
      >;
    skippedDates: Schema.Attribute.Component<'program.skipped-date', true>;
    startTime: Schema.Attribute.Time & Schema.Attribute.Required;
    timezone: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }> &
      Schema.Attribute.DefaultTo<'America/New_York'>;
    weeksOfMonth: Schema.Attribute.Enumeration<
      [
        'first',
        'second',
        'third',
        'fourth',
        'last',
        'first-and-third',
        'second-and-fourth',
      ]
    >;
  };
}

export interface ProgramSkippedDate extends Struct.ComponentSchema {
  collectionName: 'components_program_skipped_dates';
  info: {
    description: 'A date on which the group does not meet (a holiday).';
    displayName: 'Skipped date';
    icon: 'calendar';
  };
  attributes: {
    date: Schema.Attribute.Date & Schema.Attribute.Required;
    reason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

export interface SharedSeo extends Struct.ComponentSchema {
  collectionName: 'components_shared_seos';
  info: {
    description: 'How the page appears in search results and link previews.';
    displayName: 'SEO';
    icon: 'search';
  };
  attributes: {
    metaDescription: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    metaTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 70;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'program.facilitator': ProgramFacilitator;
      'program.schedule': ProgramSchedule;
      'program.skipped-date': ProgramSkippedDate;
      'shared.seo': SharedSeo;
    }
  }
}
