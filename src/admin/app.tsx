import type { StrapiApp } from '@strapi/strapi/admin';
import { CHOICE_LABELS } from './choice-labels';

/** The practice's admin panel: its name, a calm neutral theme, and no Strapi tutorials or release notices. */
const PRACTICE = 'Counseling Practice';

const calm = {
  primary100: '#eef5f3',
  primary200: '#d3e7e1',
  primary500: '#5a9c8c',
  primary600: '#3f7f70',
  primary700: '#32675b',
  buttonPrimary500: '#5a9c8c',
  buttonPrimary600: '#3f7f70',
};

export default {
  config: {
    locales: [],
    tutorials: false,
    notifications: { releases: false },
    theme: {
      light: { colors: calm },
      dark: { colors: calm },
    },
    translations: {
      en: {
        ...CHOICE_LABELS,
        'Auth.form.welcome.title': `Welcome to ${PRACTICE}`,
        'Auth.form.welcome.subtitle': 'Log in to write articles, maintain group programs or review comments',
        'app.components.LeftMenu.navbrand.title': PRACTICE,
        'app.components.LeftMenu.navbrand.workplace': 'Website content',
        'HomePage.header.title': `${PRACTICE}: website content`,
      },
    },
  },
  bootstrap(_app: StrapiApp) {},
};
