/**
 * The demo content in Spanish: a translation made for the demo (not the practice's own text), each entry keyed
 * by the English version's slug. Only the localised fields: schedules, places and enrolment are shared.
 */
export const DEMO_NOTE_ES = 'Traducción de demostración del artículo en inglés.';

export const TOPICS_ES: Record<string, { name: string; description: string }> = {
  grief: { name: 'Duelo', description: 'Vivir con la pérdida de un ser querido.' },
  'substance-use': { name: 'Consumo de sustancias', description: 'Tu propio consumo de sustancias, o el de un ser querido.' },
  depression: { name: 'Depresión', description: 'Ánimo bajo, pérdida de interés, agotamiento.' },
};

export const PROGRAMS_ES: Record<string, { title: string; summary: string; description: string; cost: string }> = {
  'grief-support-group': {
    title: 'Grupo de apoyo en el duelo',
    summary: 'Un grupo continuo y facilitado para adultos que han perdido a un ser querido. Se reúne el primer y tercer martes de cada mes.',
    description: 'Comparte y escucha en un espacio seguro y confidencial con otras personas en duelo. Ven cuando lo necesites; no hay un programa que seguir.',
    cost: 'Gratis',
  },
  'families-affected-by-substance-use-weekly-support-group': {
    title: 'Familias afectadas por el consumo de sustancias: grupo de apoyo semanal',
    summary: 'Un grupo de apoyo semanal para padres, parejas e hijos adultos de alguien que consume alcohol o drogas.',
    description: 'Apoyo entre pares con facilitación, cada jueves por la tarde, en la oficina o en línea.',
    cost: 'Gratis',
  },
  'depression-therapy-group-8-weeks': {
    title: 'Grupo de terapia para la depresión (8 semanas)',
    summary: 'Un grupo estructurado y dirigido por un terapeuta: ocho sesiones semanales de terapia cognitivo-conductual para la depresión.',
    description: 'Cada semana se apoya en la anterior. Inscríbete antes de la primera sesión; el grupo se cierra después de la segunda semana.',
    cost: '$40 por sesión',
  },
  'grief-therapy-group-6-weeks': {
    title: 'Grupo de terapia para el duelo (6 semanas)',
    summary: 'Un grupo de seis semanas dirigido por un terapeuta que trabaja el duelo con un programa guiado.',
    description: 'Seis sesiones semanales en línea, para adultos que perdieron a un ser querido en los últimos dos años.',
    cost: '$35 por sesión',
  },
};

export const ARTICLE_ES = {
  title: '¿Cuál es la diferencia entre un grupo de apoyo y la terapia de grupo?',
  slug: 'cual-es-la-diferencia-entre-un-grupo-de-apoyo-y-la-terapia-de-grupo',
  excerpt: `Los grupos de apoyo y la terapia de grupo reúnen a un grupo pequeño de personas, pero se diferencian en su estructura, su duración y quién los dirige. ${DEMO_NOTE_ES}`,
  body: [
    `*${DEMO_NOTE_ES}*`,
    'Al considerar las opciones para mejorar tu bienestar mental y emocional, es probable que hayas oído hablar de los grupos de apoyo y de la terapia de grupo. Las dos reúnen a un grupo pequeño de personas, pero ¿en qué se diferencian? ¿Cuál te conviene más?',
    '## Grupos de apoyo',
    'Un grupo de apoyo suele estar formado por personas que atraviesan una situación parecida: el duelo por un ser querido, el consumo de sustancias (propio o de un ser querido), la depresión, etc. Se reúnen con regularidad, quizá una vez por semana o dos veces al mes, de forma continua. Suelen estar facilitados por un profesional de la salud mental, pero no siguen un programa concreto.',
    '## Terapia de grupo',
    'La terapia de grupo también reúne a personas con situaciones parecidas, pero es más estructurada: las sesiones suelen tener una duración fija, por ejemplo una vez por semana durante 6 a 8 semanas, y el terapeuta guía al grupo con un programa.',
    '## En qué se parecen',
    'Las dos ofrecen un lugar seguro para explorar tus pensamientos y sentimientos junto a otras personas en una situación parecida, algo que a menudo da un ánimo y una esperanza que una sesión individual no siempre logra.',
    'Para saber más, consulta nuestros [próximos programas](/api/group-programs/upcoming?locale=es) o pregunta a tu consejero o a nuestra recepción.',
  ].join('\n\n'),
  seo: {
    metaTitle: '¿Grupo de apoyo o terapia de grupo? La diferencia',
    metaDescription: 'Los grupos de apoyo son continuos y facilitados; la terapia de grupo es estructurada, de duración fija y dirigida por un terapeuta.',
  },
};
