import type { SpamLexicon } from '../types';

/** Spanish spam language (pattern syntax in ../types.ts). */
const lexicon: SpamLexicon = {
  pharma: ['viagra', 'cialis', 'xanax', 'valium', 'tramadol', 'rivotril', 'clonazepam', 'alprazolam', 'pastillas', 'medicamentos', 'farmacia', 'pildoras'],
  buying: ['compra', 'compras', 'comprar', 'compre', 'sin receta', 'envio (discreto|gratis|rapido|a todo el pais)', 'entrega (rapida|discreta)', 'barat*', 'precio*', 'pedidos (por|al)', 'a domicilio'],
  gambling: ['casino*', 'apuesta*', 'tragamonedas', 'tragaperras', 'giros gratis', 'bono de (bienvenida|deposito)', 'ruleta', 'loteria', 'ganar (dinero|premios)'],
  crypto: ['cripto*', 'bitcoin', 'forex', 'inversion*', 'invertir', 'ganancias (diarias|garantizadas|semanales)', 'rentabilidad', 'asesor financiero', 'gestor de cuenta', 'senales de trading', 'ingresos pasivos'],
  seo: ['seo', 'posicionamiento (web|en google)', 'enlaces', 'backlinks', 'diseno web', 'pagina web', 'marketing digital', 'agencia de marketing', 'mas clientes', 'primera pagina de google'],
  loans: [ 'prestamos a particulares', 'web de prestamos', 'mini creditos', 'creditos online', 'interes del','prestamo (rapido|personal|sin aval|inmediato)', 'prestamos (rapidos|personales|sin aval)', 'credito rapido', 'dinero rapido', 'sin aval'],
  adult: [ 'busco un hombre', 'mis fotos', 'acompanantes', 'chicas reales', 'miles de solteros', 'buscar pareja', 'chat con webcam','citas (calientes|para adultos)', 'chicas (calientes|solteras)', 'escort*', 'webcam (chicas|modelos)', 'porno', 'sexo'],
  fraud: ['hechizo*', 'amarre*', 'brujo', 'curandero', 'chaman', 'hacker', 'recuperar (mi|tu|su) dinero', 'escribele (por|al) whatsapp', 'por whatsapp', 'al whatsapp', 'testimonio', 'trabajo desde casa', 'gana dinero'],
  commercial: ['descuento*', 'oferta*', 'promocion*', 'gratis', 'precio*', 'visita (mi|nuestra) (pagina|web|tienda)', 'nuestra (tienda|pagina|web|empresa)', 'tienda online'],
  praise: ['excelente (articulo|blog|post)', 'buen (articulo|blog|post|trabajo)', 'muy (buen|bueno|interesante|informativo) (articulo|blog|post)', 'gracias por compartir', 'sigue asi', 'su blog', 'tu blog', 'este blog', 'admin'],
  concrete: ['inscrib*', 'apunt*', 'unirme', 'llamare', 'llamar el', 'grupo de (duelo|ansiedad|depresion|padres|adolescentes)', '(lunes|martes|miercoles|jueves|viernes|sabado|domingo)', 'mi (hijo|hija|esposo|esposa|marido|madre|padre|hermana|hermano)', 'me ayudo'],
};

export default lexicon;
