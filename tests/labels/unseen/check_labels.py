import sys, re, csv, os, collections

BASE=os.path.dirname(os.path.abspath(__file__))
CD={'〇':0,'○':0,'零':0,'一':1,'二':2,'两':2,'兩':2,'三':3,'四':4,'五':5,'六':6,'七':7,'八':8,'九':9}
SMALL={'十':10,'百':100,'千':1000,'卅':30,'廿':20}
BIG={'万':1e4,'萬':1e4,'亿':1e8,'億':1e8,'兆':1e12}
def parse(s):
    s=s.replace(',','').replace(' ','')
    total=0.0; section=0.0; cur=None; i=0; prevdigit=False
    while i<len(s):
        c=s[i]
        if c.isdigit():
            j=i
            while j<len(s) and (s[j].isdigit() or s[j]=='.'): j+=1
            cur=float(s[i:j]); i=j; prevdigit=False; continue
        if c in CD:
            d=CD[c]
            cur = cur*10+d if (prevdigit and cur is not None) else d
            prevdigit=True; i+=1; continue
        if c in '點点．·':  # ．/· between Chinese numerals is a decimal point (CONVENTIONS 9; fresh8 split: 七．六四％)
            j=i+1; digs=''
            while j<len(s) and s[j] in CD: digs+=str(CD[s[j]]); j+=1
            cur=(cur or 0)+float('0.'+digs); i=j; prevdigit=False; continue
        if c in SMALL:
            if c in '卅廿': section+=SMALL[c]; cur=None
            else: section+=(cur if cur is not None else 1)*SMALL[c]; cur=None
            prevdigit=False; i+=1; continue
        if c in BIG:
            v=section+(cur or 0)
            if v==0: v=1
            m=BIG[c]; i+=1
            while i<len(s) and s[i] in BIG: m*=BIG[s[i]]; i+=1
            total+=v*m; section=0; cur=None; prevdigit=False; continue
        if c=='半': cur=(cur or 0)+0.5; i+=1; continue
        i+=1  # ignore other chars (多 etc.)
    return total+section+(cur or 0)
KEEP=set('0123456789.,'+''.join(CD)+''.join(SMALL)+''.join(BIG)+'點点半'+'．·')  # ．/·: decimal point (fresh8)
def numpart(r):
    return ''.join(ch for ch in r if ch in KEEP)
def expected(raw, unit):
    r=raw
    if re.fullmatch(r'首[一二三四五六七八九十]+大', r) and unit=='rank': return [parse(r[1:-1])]  # 首十大 (Hong Kong usage) = 前十大, the top ten (fresh17 part C, hk_foundry_2025q2)
    if '首' in r: return [1]
    if r in ('居冠','之冠'): return [1]  # 居冠/之冠 = 居首/之首, rank 1 (fresh8 split, Taiwanese usage: 美國二八四．五億美元居冠)
    if r in ('奪冠','冠軍'): return [1]  # 奪冠 (won first place) and 冠軍 (champion) in a ranking = rank 1, like 居冠 (fresh9 split: 以三〇二件奪冠)
    if r in ('冠军','冠絕全球'): return [1]  # Simplified 冠军 (= 冠軍) and 冠絕全球 (first in the world) = rank 1, like 居冠 (fresh15 part C: hk_pct_huawei_2018, my_sg_sez_2023)
    if r in ('居次',): return [2]  # 居次 (in second place) = rank 2, the counterpart of 居首 (fresh17 part B: tw_rd_ppp_2015)
    # Word forms the GUIDE defines that the sample had not met before the fresh split (2026-12-01):
    if r in ('翻番','翻倍','翻一番'): return [2]  # multiples: 翻番 = 2 times
    if r=='翻了一番': return [2]  # 翻了一番 (doubled) = 翻一番 = 2 times, as the GUIDE's 翻番 (fresh11 split: 规模翻了一番)
    if r=='倍增': return [2]  # 倍增 (to double) = 2 times, like 倍升 (fresh16 part B, hk_rd_ratio_2015: 由0.73%倍增至1.5%)
    if r=='倍升': return [2]  # 倍升 (to double) = 2 times, like 翻番 (fresh13 part B, hk_rd_outlook_2018: 比率由0.73%倍升至1.5%)
    # Convention 9 (decided 2026-12-01): 一半 / 过半 / 過半 in a share = 50 percent (qualifier in the note), and a
    # full-width ． or a middle dot · between Chinese numerals is a decimal point (五·四 = 5.4, like 五點四).
    if r in ('一半','过半','過半') and unit=='percent': return [50]
    r=re.sub(r'(?<=[〇○零一二两兩三四五六七八九十])[．·](?=[〇○零一二两兩三四五六七八九])','點',r)
    if r.endswith('成') and unit=='percent': return [parse(numpart(r))*10]  # 八成 = 80 percent
    # fresh7 split (2026-12-02): a half as a share (一半, 过半/過半, and 半 left after the qualifier 近 is taken out of raw)
    # is 50 percent (CONVENTIONS 9); x成y (8成1) is x tenths and y hundredths = 10x+y percent.
    if r in ('半','一半','过半','過半') and unit=='percent': return [50]
    if r in ('半数','半數') and unit=='percent': return [50]  # 半数/半數 (half of a group) = 50 percent, like 一半 (CONVENTIONS 9; fresh10 split: 半数公司市值扩大)
    if re.fullmatch(r'[0-9]+成[0-9]', r) and unit=='percent': a,b=r.split('成'); return [float(a)*10+float(b)]
    m=re.fullmatch(r'([0-9.]+)[萬万]([0-9]{1,4})[億亿][^0-9萬万億亿兆]*', r)
    if m: return [(float(m.group(1))*1e4+float(m.group(2)))*1e8]  # 萬 before a digit group and 億 = 萬億 split by the digits (35萬1690億美元 = 351690億 = 3.5169e13; fresh18 part C, wld_market_cap_2022)
    if re.fullmatch(r'[0-9]+、[0-9]+年', r): return [float(x) for x in r[:-1].split('、')]  # a range of years written with 、 (4、5年 = 4 to 5 years; fresh14 part B, tw_us_cn_techwar_2024)
    if re.fullmatch(r'[一二三四五六七八九]、[一二三四五六七八九]個月', r): return [parse(x) for x in r[:-2].split('、')]  # a range of months in numerals written with 、 (三、四個月 = 3 to 4 months), like 4、5年 (fresh17 part C, asia_adb_growth_2003)
    if re.fullmatch(r'[0-9.]+/[0-9.]+', r):  # a fraction written 1/2, as a share in percent
        a,b=r.split('/'); return [float(a)/float(b)*100]
    if '分之' in r and '百分之' not in r:
        a,b=r.split('分之'); return [parse(numpart(b))/parse(numpart(a))*100]
    r=r.replace('百分之','').replace('个百分点','').replace('個百分點','').replace('个千分点','')  # 个千分点: per-mille points (fresh4)
    parts=re.split('至|到|~|～|-',r)
    vals=[parse(numpart(p)) for p in parts if numpart(p)]
    if len(parts)==2 and len(vals)==2 and not any(c in BIG for c in parts[0]) and any(c in BIG for c in parts[1]): vals[0]*=BIG[next(c for c in parts[1] if c in BIG)]  # a range whose magnitude is written once, after its high end (NT$10至100億 = 10億 to 100億; fresh10 split)
    if raw.startswith('-'): vals=[-v for v in vals]  # a figure printed with a minus sign (fresh4 split, 2026-12-01)
    f=1
    if '斤' in raw and unit=='t': f=0.0005
    if '公里' in raw and unit=='m': f=1000
    if unit in ('FLOPS','byte'): f=next((v for k,v in (('PFLOPS',1e15),('EFLOPS',1e18),('EB',1e18),('PB',1e15)) if k in raw.upper()),1)  # SI prefix of a FLOPS or byte figure (300PFLOPS = 3e17 FLOPS, 1680EB = 1.68e21 byte; fresh11 split)
    if unit=='W': f=next((v for k,v in (('GW',1e9),('MW',1e6),('KW',1e3)) if k in raw.upper()),1)  # SI prefix of a power figure (5MW = 5e6 W; fresh13 part B, tw_key_figures_2025)
    return [v*f for v in vals]
UNITS=set('CNY USD GBP EUR JPY HKD TWD MYR SGD KRW MOP percent count rank times W m byte bit/s FLOPS t Wh other'.split())
import glob
R={}
for p in sorted(glob.glob(BASE+'/numbers_*.csv')):
    rows=[]
    for d in csv.DictReader(open(p,encoding='utf-8')):
        assert d['file_name']==os.path.basename(p)[8:-4]+'.txt'
        rows.append((int(d['line_no']),d['raw'],float(d['value']),float(d['value_high']) if d['value_high'] else '',d['unit'],d['year'],d['entity'],d['form'],d['note']))
    R[os.path.basename(p)[8:-4]]=rows
MANUAL={'两位数','雙位數','兩位數'}  # checked by hand: double-digit = lower bound 10 (雙位數: Traditional form, dev2 split; 兩位數: fresh4 split)
MANUAL.add('双位数')  # checked by hand: Simplified 双位数 = double-digit, lower bound 10 (fresh11 part B, my_trade_2021m6)
MANUAL.add('三位數')  # checked by hand: 三位數 = triple-digit, lower bound 100 percent, like 雙位數 = 10 (fresh12 part B, tw_us_cn_imports_2025: 高達三位數關稅)
MANUAL.add('二位數')  # checked by hand: 二位數 = double-digit, lower bound 10 percent, like 兩位數 (fresh17 part C, wld_pct_2005: 成長率達到二位數)
MANUAL.add('個位數')  # checked by hand: 個位數 = single-digit, range 1-9 percent (fresh12 part B, tw_ic_output_2023: 減幅縮小至個位數)
errs=0
for name,rows in R.items():
    lines=open(f'{BASE}/texts/{name}.txt',encoding='utf-8').read().split('\n')
    seen=collections.Counter()
    for (ln,raw,val,hi,unit,year,ent,form,note) in rows:
        line=lines[ln-1]
        seen[(ln,raw)]+=1
        if line.count(raw)<seen[(ln,raw)]: print('RAW NOT ON LINE', name, ln, raw); errs+=1
        if raw in MANUAL: continue
        exp=expected(raw,unit)
        want=[val]+([hi] if hi!='' else [])
        if len(exp)!=len(want) or any(abs(a-b)>1e-6*max(1,abs(b)) for a,b in zip(exp,want)):
            print('VALUE', name, ln, raw, want, exp); errs+=1
        if unit not in UNITS: print('UNIT',name,ln,raw,unit); errs+=1
        isdig=bool(re.search('[0-9]',raw))
        if form!=('digits' if isdig else 'words'): print('FORM',name,ln,raw,form); errs+=1
        if year and not re.fullmatch(r'\d{4}(-\d{4})?',year): print('YEAR',name,ln,raw,year); errs+=1
        if unit=='other' and not note: print('NOTE', name, ln); errs+=1
    # digit strings on lines with no row: list for manual review
print('errors',errs)
