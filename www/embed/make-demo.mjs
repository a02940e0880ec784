// Regenerates demo-portal.html and empty-page.html from the real report in ../shared/corpus:
//   node www/embed/make-demo.mjs
// The report body is rendered the way TRS/Hanweb CMS pages hold it: paragraphs and <table>s in
// <div id="zoom" class="TRS_Editor">. One T3 total is planted wrong: （七）总计 / 总计 is 4, the
// column above sums to 3 (the e2e test expects exactly that cell to be marked).
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = await readFile(join(here, '../../../shared/corpus/2024_taoxi_zhen_wordcopy.txt'), 'utf8');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = src.split('\n');
const prose = (from, to) => lines.slice(from, to).map((l) => l.trim()).filter(Boolean);
const at = (s) => lines.findIndex((l) => l.trim() === s || l.trim().startsWith(s));
const p = (t) => `<p class="indent">${esc(t)}</p>`;
const h = (t) => `<p class="indent"><strong>${esc(t)}</strong></p>`;
const td = (t, a = '') => `<td${a}>${esc(String(t))}</td>`;
const tr = (cells) => `<tr>${cells.join('')}</tr>`;

// 一 (the Word copy numbered it "1、")
const part1 = prose(1, at('二、主动公开政府信息情况'));
// 五/六
const part5 = prose(at('五、存在的主要问题及改进情况') + 1, at('六、其他需要报告的事项'));
const part6 = prose(at('六、其他需要报告的事项') + 1, lines.length);

const t2 = [
  tr([td('第二十条第（一）项', ' colspan="4"')]),
  tr([td('信息内容'), td('本年制发件数'), td('本年废止件数'), td('现行有效件数')]),
  tr([td('规章'), td(0), td(0), td(0)]),
  tr([td('行政规范性文件'), td(0), td(0), td(1)]),
  tr([td('第二十条第（五）项', ' colspan="4"')]),
  tr([td('信息内容'), td('本年处理决定数量', ' colspan="3"')]),
  tr([td('行政许可'), td(82, ' colspan="3"')]),
  tr([td('第二十条第（六）项', ' colspan="4"')]),
  tr([td('信息内容'), td('本年处理决定数量', ' colspan="3"')]),
  tr([td('行政处罚'), td(3, ' colspan="3"')]),
  tr([td('行政强制'), td(0, ' colspan="3"')]),
  tr([td('第二十条第（八）项', ' colspan="4"')]),
  tr([td('信息内容'), td('本年收费金额（单位：万元）', ' colspan="3"')]),
  tr([td('行政事业性收费'), td(0, ' colspan="3"')]),
];

// T3: the corpus report has only zeros; a few applications make the planted total visible.
const z = [0, 0, 0, 0, 0, 0, 0];
const v = (c1, c7 = c1) => [c1, 0, 0, 0, 0, 0, c7];
const nums = (vals) => vals.map((x) => td(x));
const t3 = [
  tr([td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"'), td('申请人情况', ' colspan="7"')]),
  tr([td('自然人', ' rowspan="2"'), td('法人或其他组织', ' colspan="5"'), td('总计', ' rowspan="2"')]),
  tr([td('商业企业'), td('科研机构'), td('社会公益组织'), td('法律服务机构'), td('其他')]),
  tr([td('一、本年新收政府信息公开申请数量', ' colspan="3"'), ...nums(v(3))]),
  tr([td('二、上年结转政府信息公开申请数量', ' colspan="3"'), ...nums(z)]),
  tr([td('三、本年度办理结果', ' rowspan="20"'), td('（一）予以公开', ' colspan="2"'), ...nums(v(2))]),
  tr([td('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ' colspan="2"'), ...nums(z)]),
  tr([td('（三）不予公开', ' rowspan="8"'), td('1.属于国家秘密'), ...nums(z)]),
  ...['2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息',
    '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map((l) => tr([td(l), ...nums(z)])),
  tr([td('（四）无法提供', ' rowspan="3"'), td('1.本机关不掌握相关政府信息'), ...nums(v(1))]),
  tr([td('2.没有现成信息需要另行制作'), ...nums(z)]),
  tr([td('3.补正后申请内容仍不明确'), ...nums(z)]),
  tr([td('（五）不予处理', ' rowspan="5"'), td('1.信访举报投诉类申请'), ...nums(z)]),
  ...['2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']
    .map((l) => tr([td(l), ...nums(z)])),
  tr([td('（六）其他处理', ' colspan="2"'), ...nums(z)]),
  // The planted error: 总计 should be 3.
  tr([td('（七）总计', ' colspan="2"'), ...nums(v(3, 4)).slice(0, 6), `<td id="planted">4</td>`]),
  tr([td('四、结转下年度继续办理', ' colspan="3"'), ...nums(z)]),
];

const res = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const t4 = [
  tr([td('行政复议', ' colspan="5"'), td('行政诉讼', ' colspan="10"')]),
  tr([...res.map((r) => td(r, ' rowspan="2"')), td('未经复议直接起诉', ' colspan="5"'), td('复议后起诉', ' colspan="5"')]),
  tr([...res, ...res].map((r) => td(r))),
  tr(Array(15).fill(0).map((x) => td(x))),
];

const table = (rows) =>
  `<table border="1" cellspacing="0" cellpadding="0" align="center" width="100%">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;

const body = [
  h('一、总体情况'), ...part1.map(p),
  h('二、主动公开政府信息情况'), table(t2),
  h('三、收到和处理政府信息公开申请情况'), table(t3),
  h('四、政府信息公开行政复议、行政诉讼情况'), table(t4),
  h('五、存在的主要问题及改进情况'), ...part5.map(p),
  h('六、其他需要报告的事项'), ...part6.map(p),
].join('\n');

const page = ({ title, date, zoom, script }) => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}_滔溪镇人民政府</title>
<meta name="SiteName" content="滔溪镇人民政府">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="${title}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="demo.css">
<!-- 年报体检: two lines (this one, and nothing else). See docs/embed.md. -->
${script}
</head>
<body>
<div class="top"><div class="w"><span>欢迎访问滔溪镇人民政府网站</span><span class="r">无障碍 | 长者模式 | 繁體</span></div></div>
<div class="banner"><div class="w"><div class="logo">滔溪镇人民政府</div><div class="search"><input type="text" placeholder="请输入关键字" aria-label="搜索"><button type="button">搜索</button></div></div></div>
<div class="nav"><div class="w"><a href="#">首页</a><a href="#">走进滔溪</a><a href="#">政务动态</a><a class="on" href="#">政府信息公开</a><a href="#">政务服务</a><a href="#">互动交流</a></div></div>
<div class="w main">
<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政府信息公开</a> &gt; <a href="#">政府信息公开年报</a></div>
<div class="article">
<table class="xxgk-meta"><tr><td>索 引 号：</td><td>11430000MB1234567X/2025-00012</td><td>发布机构：</td><td>滔溪镇人民政府</td></tr>
<tr><td>发布日期：</td><td>${date}</td><td>分　　类：</td><td>政府信息公开年报</td></tr></table>
<h1 class="title">${title}</h1>
<div class="info">发布时间：${date}　来源：滔溪镇人民政府　【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div id="zoom" class="TRS_Editor">
${zoom}
</div>
<div class="share">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
</div>
</div>
<div class="footer"><div class="w">
<p>主办单位：滔溪镇人民政府　　承办：滔溪镇党政综合办公室　　联系电话：0000-0000000</p>
<p>网站标识码：0000000000　　ICP备00000000号　　公网安备 00000000000000号</p>
<p>（演示页面：布局仿常见政府网站 CMS，正文取自一份真实年报，表三中“总计”一格为故意写错的数字。）</p>
</div></div>
</body>
</html>
`;

const script = '<script src="embed.js" data-target="#zoom" defer></script>';
await writeFile(join(here, 'demo-portal.html'), page({
  title: '滔溪镇人民政府2024年政府信息公开工作年度报告', date: '2025-01-20', zoom: body, script,
}));
await writeFile(join(here, 'empty-page.html'), page({
  title: '滔溪镇召开2025年安全生产工作会议', date: '2025-03-06', script,
  zoom: [
    '<p class="indent">3月5日上午，滔溪镇召开2025年安全生产工作会议，总结2024年安全生产工作，部署2025年重点任务。</p>',
    '<p class="indent">会议要求，各村（社区）、各站所要压紧压实安全生产责任，深入开展隐患排查整治，确保全镇安全生产形势持续稳定。</p>',
    '<p class="center"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="会议现场" width="1" height="1"></p>',
  ].join('\n'),
}));
console.log('wrote demo-portal.html, empty-page.html');
