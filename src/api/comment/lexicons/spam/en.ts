import type { SpamLexicon } from '../types';

/** English spam language (pattern syntax in ../types.ts). */
const lexicon: SpamLexicon = {
  pharma: [
    'kamagra', 'sibutramin*',
    'viagra', 'cialis', 'levitra', 'xanax', 'valium', 'klonopin', 'ativan', 'adderall', 'ritalin', 'modafinil', 'provigil', 'tramadol', 'oxycodone', 'oxycontin', 'percocet',
    'hydrocodone', 'vicodin', 'codeine', 'fentanyl', 'ambien', 'zolpidem', 'alprazolam', 'diazepam', 'clonazepam', 'lorazepam', 'phentermine', 'ed pills', 'sildenafil', 'tadalafil',
    'pills', 'meds', 'medication*', 'pharmacy', 'pharma', 'painkillers', 'benzos', 'opioids', 'weight loss pills', 'diet pills', 'cbd', 'kratom', 'steroids',
  ],
  buying: [
    'shipping worldwide', 'telegram shop', 'fast delivery', 'sem receita', 'barato',
    'buy', 'buying', 'order (now|online|today|here)', 'order at', 'online pharmacy', 'no (prescription|rx|script)', 'without (a)? prescription', 'prescription free', 'overnight (delivery|shipping)',
    'discreet (shipping|delivery|packaging)', 'cheap*', 'lowest price*', 'best price*', 'for sale', 'in stock', 'next day delivery', 'worldwide shipping', 'ship worldwide', 'we ship', 'dm (me|us) (to|for) order',
    'plug', 'vendor', 'wholesale', 'bulk order*', 'free samples', 'accept (bitcoin|crypto|paypal)',
  ],
  gambling: [
    'aviator', 'bingo', 'wins #', 'free tokens', 'new players',
    'casino*', 'online casino', 'online slots', 'slot (machine*|games|site*)', 'slots (online|bonus|site*)', 'jackpot*', 'betting', 'bet365', 'sportsbook', 'poker', 'roulette', 'blackjack', 'baccarat', 'free spins', 'deposit bonus', 'welcome bonus',
    'no deposit', 'gambl*', 'bookmaker*', 'odds boost', 'win big', 'lottery', 'lotto', 'scratch cards',
  ],
  crypto: [
    'trading bot*', 'on autopilot', 'withdrew', '(profit|profits) in (one|a) week', '# ?% profit', 'earns #', 'paid me', 'gold trading', 'online investments', 'invested in',
    'crypto', 'cryptocurrenc*', 'bitcoin', 'btc', 'ethereum', 'usdt', 'binance', 'forex', 'trading (signals|platform|bot|account|expert|mentor)', 'signals group', 'crypto signals', 'nft*', 'airdrop*',
    'investment (platform|plan|opportunity|returns|manager)', 'account manager', 'broker', 'passive income', '(daily|weekly|guaranteed) (profit|profits|returns|income)', 'roi', 'double your (money|investment)',
    'invest* (with|in) (crypto|bitcoin|forex)', 'financial freedom', 'mining pool', 'wallet recovery', 'earn (from home|money online|daily)', 'work from home', 'make money online',
  ],
  seo: [
    'exchanging links', 'exchange links', 'visitors', 'trafic',
    'seo', 'backlink*', 'back links', 'link (building|exchange)', 'exchange links', 'guest post*', 'sponsored post*', 'do follow', 'dofollow', 'domain authority', 'page rank', 'rank (higher|on google|#)',
    'first page of google', 'page 1 (of|on) google', 'google (ranking|reviews)', 'organic traffic', 'targeted traffic', 'real visitors', 'website traffic', 'web design*', 'website design*', 'website development',
    'app development', 'logo design', 'digital marketing', 'marketing agency', 'social media marketing', 'smm', 'content writer', 'seo optimized', 'local citations', 'affiliate link*', 'affiliate program',
    'ranks low', 'seo (errors|audit|services|expert|package)', 'free audit', 'lead generation', 'more patients', 'more clients', 'chatbot', 'ai receptionist',
  ],
  loans: [
    'loan site', 'loans at', 'we offer loans', 'loan forgiveness', 'without checking (credit|your credit)', 'approval in # (hour|hours|minutes)', 'consolidate .. debt', 'credit counselors', 'finance (medical|your)', 'emergency cash', 'credit card debt', 'no credit check',
    'payday loan*', 'personal loan*', 'instant loan*', 'quick loan*', 'fast loan*', 'get a loan', 'loan (offer*|approval|lender*|company|app|agent)', 'quick cash', 'fast cash', 'instant cash', 'cash advance', 'debt relief', 'debt consolidation', 'credit repair', 'bad credit', 'no credit check', 'lender*', 'financing available',
    'approved in (minutes|24 hours)', 'get approved', 'borrow (money|up to)',
  ],
  adult: [
    'lonely (too|men|women|guys)', 'single (ladies|women|men|moms)', 'mature singles', 'meet (women|men|girls|singles|ladies)', 'private (date|video chat)', 'video chat', 'no strings attached', 'over 18 only', 'my (photos|pics|profile)', 'hello handsome', 'hi dear', 'serious relationship', 'looking for a (man|woman|serious)', 'find someone special', 'chatting with girls', 'live webcams', 'beautiful models', 'girls online', 'gir*ls online', 'pleasant evenings', 'caring girls', 'want fun tonight',
    'porn*', 'xxx', 'escort*', 'hookup*', 'hook up tonight', 'sex (chat|cam|dating)', 'webcam (girls|models|chat)', 'cam girls', 'nude*', 'onlyfans', 'adult (dating|chat|content)', 'hot (singles|girls)',
    'singles in your area', 'sugar (daddy|baby)', 'dating site', 'lonely (girls|women|ladies)',
  ],
  fraud: [
    'hack into', 'track a phone', 'fix your credit', 'credit score', 'illuminati', 'spiritual healer', 'baba', 'healing from distance', 'paypal', 'flip', 'proof on my channel', 'herbal remedy', 'natural cure', 'cured by', 'recovery expert', 'got my funds back', 'my channel', 'add me on', 'username', 'in my profile', 'link in my name',
    'spell caster', 'love spell*', 'spell (to|that)', 'dr .. (cured|helped)', 'herbal (medicine|cure|remedy) .. (cured|cure)', 'cured (my|me) .. (herbs|herbal)', 'traditional healer', 'voodoo', 'witch doctor',
    'hacker*', 'hire a hacker', 'recover (my|your|lost) (funds|money|crypto|bitcoin)', 'fund* recovery', 'scam recovery', 'contact (him|her|them|dr) (on|via) (whatsapp|email|telegram)', 'whatsapp (him|her|me|us)',
    'telegram (me|us|@)', 'wa.me', 't.me', 'reach (him|her) (on|at|via)', 'testimony', 'i was (scammed|cheated)', 'legit (hacker|company|platform)', 'earn #',
    'hiring now', 'data entry job*', 'gift card*', 'claim your (prize|reward)', 'you have won', 'click (here|the link|below)', 'limited (time )?offer', 'act now', 'dm me', 'inbox me', 'text me on',
  ],
  commercial: [
    'discount*', 'promo (code)?', 'coupon*', 'free trial', 'price*', 'pricing', 'sale', 'special offer', 'limited offer', 'buy', 'shop', 'shopping', 'store', 'subscribe', 'sign up (now|today|here)', 'visit (my|our) (site|website|page|blog|store|shop)',
    'check (out)? (my|our) (site|website|page|blog|store|shop|article)', 'my (site|website|blog|store|shop|channel)', 'our (site|website|store|shop|agency|company|platform|services)', 'link in (my)? (bio|name|profile)',
    'contact us', 'our product*', 'customers',
  ],
  praise: [
    'let know her', 'come back once again', 'felicidades al autor', 'deus abencoe', 'excelente conteudo', 'conteudo top', 'sempre acompanho', 'article de qualite', 'bien explique', 'visiter mon site', 'sur mon pseudo', 'un excellent guide', 'comparaison tres eclairante', 'comparacao muito esclarecedora', 'interesante comparacion', 'muy util para quienes', 'muy buen contenido', 'this article is really nice',
    'bookmark*', 'book marked', 'your (blog|site|website|web site|blog post|articles|content|writing)', 'this (blog|site|website|web site|blog post)', 'nice (blog|post|article|site|write up|writeup|content|information|info)',
    'great (blog|post|article|site|write up|writeup|content|information|info|job)', 'good (blog|post|article|job|information|info|writeup|write up)', 'informative (article|post|blog)', 'very informative',
    'keep (it up|sharing|posting|writing)', 'keep up the (good|great) work', 'thanks for (sharing|the post|posting)', 'thank you for sharing', 'thank you admin', 'thanks admin', 'admin',
    'valuable (info|information|content)', 'useful (info|information|content|article)', 'well written', 'excellent (blog|post|article|read)', 'amazing (blog|post|article)', 'wonderful (blog|post|article)',
    'i will (come back|share|forward|recommend)', 'check (again|back) (here)? (regularly|soon|later)', 'loads (up)? (very)? fast', 'what host', 'stumbled ?upon', 'surfing (online|the net)', 'looked on the net',
    'you made some (good|decent) points', 'could not be written any better', 'read my mind', 'insightful', 'highlights', 'comprehensive', 'mental health (guidance|awareness) is important',
  ],
  concrete: [
    'sign* up', 'signing up', 'register*', 'join*', 'enrol*', 'call* (on|this|next|tomorrow|monday|tuesday|wednesday|thursday|friday)', 'i ll (call|come|go|try|ask|book|email)', 'ill (call|come|go|try|ask|book|email)',
    'going to (try|join|call|ask|book|sign up|register)', 'booked', 'appointment', 'intake', 'waitlist', 'my (son|daughter|husband|wife|partner|mom|mother|dad|father|sister|brother|kid|kids|family|therapist|friend|grandmother|grandfather)',
    'grief group', 'depression group', 'anxiety group', 'teen group', 'parents group', 'support group i', 'the (tuesday|monday|wednesday|thursday|friday|saturday|sunday|evening|morning|online|weekly) group',
    '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)', 'this week', 'next week', 'tonight', 'tomorrow', 'i (was|am|have been|ve been|had|have) (struggling|going through|dealing|in therapy|in a group|on a waitlist|a member)',
    'since my', 'after my', 'when my', 'i lost', 'helped me', 'helps me', 'for me and my', 'i (finally|just) (understand|get|know)', 'explain (it|this|group therapy) to',
    'finally (understand|understood|get|got|see|know)', 'i (had|have) no idea', 'i (didnt|did not|never) (know|realise|realize)', 'now i (know|understand|see)', 'cleared (it|this|things) up', 'makes sense now',
    'cost* more', 'drop in', 'billed', 'insurance', 'stock photo', 'no group', 'ive been in', 'in my (experience|group|case)', 'i (go|went|attend|attended) (to)?',
  ],
};

export default lexicon;
