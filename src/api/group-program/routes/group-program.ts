import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::group-program.group-program');
