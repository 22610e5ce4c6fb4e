import type { SpamLexicon } from '../types';

/** French spam language (pattern syntax in ../types.ts). */
const lexicon: SpamLexicon = {
  pharma: ['viagra', 'cialis', 'xanax', 'valium', 'tramadol', 'lexomil', 'medicaments', 'pilules', 'cachets', 'pharmacie'],
  buying: ['achet*', 'acheter', 'sans ordonnance', 'livraison (rapide|discrete|gratuite|express)', 'pas cher', 'prix', 'commande* (en ligne|ici|maintenant)'],
  gambling: ['casino*', 'paris sportifs', 'pari sportif', 'machines a sous', 'tours gratuits', 'bonus (de bienvenue|sans depot)', 'roulette', 'loterie', 'jackpot'],
  crypto: ['crypto*', 'bitcoin', 'forex', 'investissement*', 'investir', 'gains (garantis|quotidiens)', 'rendement', 'gestionnaire de compte', 'signaux de trading', 'revenu passif', 'plateforme de trading'],
  seo: [ 'acheter du trafic', 'visiteurs cibles','seo', 'referencement', 'backlinks', 'liens (entrants|sponsorises)', 'article sponsorise', 'creation de site*', 'site web professionnel', 'marketing digital', 'agence (web|marketing)', 'plus de clients', 'premiere page de google'],
  loans: [ 'mini pret', 'minipret', 'prets entre particuliers', 'site de pret', 'argentrapide', 'argent rapide','pret (rapide|personnel|sans justificatif)', 'prets (rapides|personnels)', 'credit (rapide|facile)', 'argent rapide', 'rachat de credit'],
  adult: [ 'femmes celibataires', 'femmes mures', 'cherche un homme', 'mes photos', 'milliers de celibataires', 'trouver l’amour', 'rencontres seniors','rencontres (coquines|adultes|sans lendemain)', 'filles (chaudes|seules)', 'escort*', 'webcam (filles|modeles)', 'porno', 'sexe', 'plan cul'],
  fraud: ['marabout', 'retour (de l’etre|d’affection)', 'sort (d’amour|de retour)', 'voyant', 'grand medium', 'hacker', 'recuperer (mon|votre) argent', 'contactez (le|la|moi) (sur|par) whatsapp', 'temoignage', 'travail a domicile', 'gagnez de l’argent'],
  commercial: ['reduction*', 'promo', 'code promo', 'offre*', 'gratuit*', 'prix', 'visitez (mon|notre) (site|blog|boutique)', 'notre (boutique|entreprise|agence|site)', 'boutique en ligne'],
  praise: ['excellent (article|blog|post)', 'bon (article|blog|travail)', 'super (article|blog|post)', 'tres (bon|interessant|instructif) (article|blog|post)', 'merci pour le partage', 'merci du partage', 'votre blog', 'ce blog', 'admin'],
  concrete: ['inscri*', 'rejoindre', 'j’appellerai', 'groupe (de deuil|d’anxiete|de depression|de parents|ados)', '(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)', '(mon|ma) (fils|fille|mari|femme|mere|pere|soeur|frere)', 'm’a aide'],
};

export default lexicon;
