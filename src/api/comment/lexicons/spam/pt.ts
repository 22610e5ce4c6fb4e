import type { SpamLexicon } from '../types';

/** Portuguese spam language (pattern syntax in ../types.ts). */
const lexicon: SpamLexicon = {
  pharma: ['viagra', 'cialis', 'xanax', 'rivotril', 'clonazepam', 'tramadol', 'remedios', 'comprimidos', 'farmacia', 'pilulas'],
  buying: [ 'compre','comprar', 'compre', 'compra', 'sem receita', 'entrega (rapida|discreta|gratis)', 'envio (discreto|gratis|rapido)', 'barat*', 'preco*', 'peca (ja|agora)', 'pedidos (pelo|no)'],
  gambling: ['cassino*', 'casino*', 'apostas', 'aposta', 'caca niqueis', 'giros gratis', 'bonus de (boas vindas|deposito)', 'roleta', 'loteria', 'tigrinho'],
  crypto: [ 'gerente de contas','cripto*', 'bitcoin', 'forex', 'investimento*', 'investir', 'lucro* (diario|diarios|garantido|garantidos)', 'rendimento', 'gerente de conta', 'sinais de trading', 'renda (extra|passiva)'],
  seo: ['seo', 'backlinks', 'links para', 'criacao de sites', 'site profissional', 'marketing digital', 'agencia de marketing', 'mais clientes', 'primeira pagina do google'],
  loans: [ 'emprestimos pessoais', 'juros de', 'mesmo negativad*','emprestimo (rapido|facil|consignado|pessoal)', 'credito (rapido|facil|consignado)', 'dinheiro rapido', 'sem consulta ao (spc|serasa)'],
  adult: [ 'mulheres solteiras', 'maiores de 18', 'minhas fotos', 'procuro um homem', 'site de namoro', 'te mando','garotas (quentes|solteiras)', 'acompanhantes', 'webcam (garotas|modelos)', 'porno', 'sexo', 'namoro online'],
  fraud: [ 'curou minha depressao', 'ervas naturais','feitico*', 'amarracao', 'macumba', 'pai de santo', 'curandeiro', 'hacker', 'recuperar (meu|seu) dinheiro', 'chama no (whatsapp|zap)', 'chame no (whatsapp|zap)', 'testemunho', 'trabalho em casa', 'ganhe dinheiro'],
  commercial: ['desconto*', 'oferta*', 'promocao*', 'gratis', 'preco*', 'visite (meu|nosso) (site|blog|loja)', 'nossa (loja|empresa|pagina)', 'loja online'],
  praise: ['excelente (artigo|blog|post)', 'bom (artigo|blog|post|trabalho)', 'otimo (artigo|blog|post|conteudo)', 'muito (bom|interessante|informativo)', 'obrigado por compartilhar', 'parabens pelo (blog|artigo|post)', 'seu blog', 'este blog', 'admin'],
  concrete: ['inscrev*', 'participar', 'vou ligar', 'grupo de (luto|ansiedade|depressao|pais|adolescentes)', '(segunda|terca|quarta|quinta|sexta|sabado|domingo)', '(meu|minha) (filho|filha|marido|esposa|mae|pai|irma|irmao)', 'me ajudou'],
};

export default lexicon;
