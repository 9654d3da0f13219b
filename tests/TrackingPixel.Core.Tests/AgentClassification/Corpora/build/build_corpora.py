import json, yaml, re, glob, os
U='deb-uap-core/usr/share/uap-core/'
def uap(path):
    return yaml.safe_load(open(path))['test_cases']
crawlers={}  # ua -> source
humans={}
def add(d, ua, src):
    ua=ua.strip()
    if not ua: return
    d.setdefault(ua, src)
# crawler-user-agents
for x in json.load(open('crawler-user-agents-1.60.0/package/crawler-user-agents.json')):
    for i in x.get('instances',[]): add(crawlers,i,'crawler-user-agents')
# uap-core devices
for t in uap(U+'tests/test_device.yaml'):
    ua=t['user_agent_string']
    (add(crawlers,ua,'uap-core') if t['family']=='Spider' else add(humans,ua,'uap-core'))
# woothee
for f in sorted(glob.glob('woothee-1.11.1/package/woothee/testsets/*.yaml')):
    for t in yaml.safe_load(open(f)) or []:
        c=t.get('category'); ua=t.get('target') or ''
        if c=='crawler': add(crawlers,ua,'woothee')
        elif c in ('pc','smartphone','mobilephone','appliance'): add(humans,ua,'woothee')
# user-agents (intoli), top-user-agents
for x in json.load(open('user-agents-2.1.198/package/dist/user-agents.json')): add(humans,x['userAgent'],'user-agents')
for x in json.load(open('top-user-agents-2.1.138/package/src/index.json')): add(humans,x,'top-user-agents')
both=set(crawlers)&set(humans)
print('crawlers',len(crawlers),'humans',len(humans),'both',len(both))
for b in list(both)[:10]: print('  both:',b)
json.dump({'crawlers':crawlers,'humans':humans},open('corpora/raw.json','w'))

# --- split and clean ---
# Entries of the uap-core device list that are not a person's browser or in-app browser by their own text: a
# device-parsing test labels devices, not who fetched. Each pattern is listed with its reason in the README.
EXCLUDE = [
    (r'VocusBot|Http Connector Spider|Huaweisymantecspider', 'names itself a crawler'),
    (r'livedoor-Mobile-Gateway|rcdtokyo\.com/pc2m', 'a transcoding gateway fetching pages for phones'),
    (r'Instapaper/|^Girls/2\.0', 'a read-later or RSS service fetching pages'),
    (r'^PostmanRuntime/|^WordPress/', 'an API tool or a blog engine fetching pingbacks'),
    (r'^AVGINET', 'an anti-virus updater'),
    (r'^WhatsApp/', "WhatsApp's own HTTP client, the one that fetches link previews; WhatsApp has no in-app browser"),
]
ex = re.compile('|'.join(p for p, _ in EXCLUDE))
excluded = {u: s for u, s in humans.items() if ex.search(u)}
for u in excluded: del humans[u]
INAPP = re.compile(r'FBAN|FBAV|FB_IAB|FBIOS|Instagram|\bLine/|MicroMessenger|Twitter|Snapchat|Pinterest|GSA/|baiduboxapp|'
                   r'; wv\)|NAVER\(inapp|DaumApps|Flipboard|KAKAOTALK|musical_ly|Bytedance|AppleWebKit/[\d.]+ \(KHTML, like Gecko\) Mobile/\w+$', re.I)
inapp = {u: s for u, s in humans.items() if INAPP.search(u)}
wv = open('is-ua-webview/package/test/data/webview.js').read()
for u in re.findall(r'^\s*"(.*)",?\s*$', wv, re.M): inapp.setdefault(u, 'is-ua-webview')
browsers = {u: s for u, s in humans.items() if u not in inapp}
assert not any('\n' in u or '\r' in u for u in list(crawlers) + list(humans))
def write(name, d):
    with open('corpora/' + name, 'w') as f:
        for u in sorted(d): f.write(u + '\n')
write('crawlers.txt', crawlers); write('browsers.txt', browsers); write('in-app.txt', inapp)
print('final crawlers', len(crawlers), 'browsers', len(browsers), 'in-app', len(inapp), 'excluded', len(excluded))
import collections
for n, d in (('crawlers', crawlers), ('browsers', browsers), ('in-app', inapp)): print(n, collections.Counter(d.values()))
for p, r in EXCLUDE: print(p, sum(1 for u in excluded if re.search(p, u)))
