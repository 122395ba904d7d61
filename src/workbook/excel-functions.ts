/**
 * Excel's worksheet function names as a file stores them, for checking the formulas cwkit writes
 * into .xlsx files (the templates). Pure data.
 *
 *  - {@link CLASSIC_FUNCTIONS}: the functions of Excel 2007, the version that introduced the .xlsx
 *    format; a file stores them by name (SUM, VLOOKUP, IFERROR …).
 *  - {@link FUTURE_FUNCTIONS}: functions added in Excel 2010 and later. [MS-XLSX] 2.2.2 ("Formulas")
 *    requires them to be stored with the future-function prefix `_xlfn.` (IFNA is stored as
 *    `_xlfn.IFNA`); a few newer ones also carry a namespace after it (`_xlfn._xlws.FILTER`). Written
 *    without the prefix, Excel does not recognise the name and the cell shows #NAME?.
 *
 * A JavaScript custom function (CW.PAY) is stored as `_xldudf_CW_PAY`, which is neither list.
 */

/** Excel 2007's worksheet functions, stored by name. */
export const CLASSIC_FUNCTIONS: readonly string[] = [
  'ABS', 'ACCRINT', 'ACCRINTM', 'ACOS', 'ACOSH', 'ADDRESS', 'AMORDEGRC', 'AMORLINC', 'AND', 'AREAS', 'ASC', 'ASIN', 'ASINH', 'ATAN', 'ATAN2', 'ATANH',
  'AVEDEV', 'AVERAGE', 'AVERAGEA', 'AVERAGEIF', 'AVERAGEIFS', 'BAHTTEXT', 'BESSELI', 'BESSELJ', 'BESSELK', 'BESSELY', 'BETADIST', 'BETAINV',
  'BIN2DEC', 'BIN2HEX', 'BIN2OCT', 'BINOMDIST', 'CALL', 'CEILING', 'CELL', 'CHAR', 'CHIDIST', 'CHIINV', 'CHITEST', 'CHOOSE', 'CLEAN', 'CODE',
  'COLUMN', 'COLUMNS', 'COMBIN', 'COMPLEX', 'CONCATENATE', 'CONFIDENCE', 'CONVERT', 'CORREL', 'COS', 'COSH', 'COUNT', 'COUNTA', 'COUNTBLANK',
  'COUNTIF', 'COUNTIFS', 'COUPDAYBS', 'COUPDAYS', 'COUPDAYSNC', 'COUPNCD', 'COUPNUM', 'COUPPCD', 'COVAR', 'CRITBINOM', 'CUBEKPIMEMBER',
  'CUBEMEMBER', 'CUBEMEMBERPROPERTY', 'CUBERANKEDMEMBER', 'CUBESET', 'CUBESETCOUNT', 'CUBEVALUE', 'CUMIPMT', 'CUMPRINC', 'DATE', 'DATEDIF',
  'DATEVALUE', 'DAVERAGE', 'DAY', 'DAYS360', 'DB', 'DBCS', 'DCOUNT', 'DCOUNTA', 'DDB', 'DEC2BIN', 'DEC2HEX', 'DEC2OCT', 'DEGREES', 'DELTA',
  'DEVSQ', 'DGET', 'DISC', 'DMAX', 'DMIN', 'DOLLAR', 'DOLLARDE', 'DOLLARFR', 'DPRODUCT', 'DSTDEV', 'DSTDEVP', 'DSUM', 'DURATION', 'DVAR', 'DVARP',
  'EDATE', 'EFFECT', 'EOMONTH', 'ERF', 'ERFC', 'ERROR.TYPE', 'EUROCONVERT', 'EVEN', 'EXACT', 'EXP', 'EXPONDIST', 'FACT', 'FACTDOUBLE', 'FALSE',
  'FDIST', 'FIND', 'FINDB', 'FINV', 'FISHER', 'FISHERINV', 'FIXED', 'FLOOR', 'FORECAST', 'FREQUENCY', 'FTEST', 'FV', 'FVSCHEDULE', 'GAMMADIST',
  'GAMMAINV', 'GAMMALN', 'GCD', 'GEOMEAN', 'GESTEP', 'GETPIVOTDATA', 'GROWTH', 'HARMEAN', 'HEX2BIN', 'HEX2DEC', 'HEX2OCT', 'HLOOKUP', 'HOUR',
  'HYPERLINK', 'HYPGEOMDIST', 'IF', 'IFERROR', 'IMABS', 'IMAGINARY', 'IMARGUMENT', 'IMCONJUGATE', 'IMCOS', 'IMDIV', 'IMEXP', 'IMLN', 'IMLOG10',
  'IMLOG2', 'IMPOWER', 'IMPRODUCT', 'IMREAL', 'IMSIN', 'IMSQRT', 'IMSUB', 'IMSUM', 'INDEX', 'INDIRECT', 'INFO', 'INT', 'INTERCEPT', 'INTRATE',
  'IPMT', 'IRR', 'ISBLANK', 'ISERR', 'ISERROR', 'ISEVEN', 'ISLOGICAL', 'ISNA', 'ISNONTEXT', 'ISNUMBER', 'ISODD', 'ISPMT', 'ISREF', 'ISTEXT',
  'JIS', 'KURT', 'LARGE', 'LCM', 'LEFT', 'LEFTB', 'LEN', 'LENB', 'LINEST', 'LN', 'LOG', 'LOG10', 'LOGEST', 'LOGINV', 'LOGNORMDIST', 'LOOKUP',
  'LOWER', 'MATCH', 'MAX', 'MAXA', 'MDETERM', 'MDURATION', 'MEDIAN', 'MID', 'MIDB', 'MIN', 'MINA', 'MINUTE', 'MINVERSE', 'MIRR', 'MMULT', 'MOD',
  'MODE', 'MONTH', 'MROUND', 'MULTINOMIAL', 'N', 'NA', 'NEGBINOMDIST', 'NETWORKDAYS', 'NOMINAL', 'NORMDIST', 'NORMINV', 'NORMSDIST', 'NORMSINV',
  'NOT', 'NOW', 'NPER', 'NPV', 'OCT2BIN', 'OCT2DEC', 'OCT2HEX', 'ODD', 'ODDFPRICE', 'ODDFYIELD', 'ODDLPRICE', 'ODDLYIELD', 'OFFSET', 'OR',
  'PEARSON', 'PERCENTILE', 'PERCENTRANK', 'PERMUT', 'PHONETIC', 'PI', 'PMT', 'POISSON', 'POWER', 'PPMT', 'PRICE', 'PRICEDISC', 'PRICEMAT',
  'PROB', 'PRODUCT', 'PROPER', 'PV', 'QUARTILE', 'QUOTIENT', 'RADIANS', 'RAND', 'RANDBETWEEN', 'RANK', 'RATE', 'RECEIVED', 'REGISTER.ID',
  'REPLACE', 'REPLACEB', 'REPT', 'RIGHT', 'RIGHTB', 'ROMAN', 'ROUND', 'ROUNDDOWN', 'ROUNDUP', 'ROW', 'ROWS', 'RSQ', 'RTD', 'SEARCH', 'SEARCHB',
  'SECOND', 'SERIESSUM', 'SIGN', 'SIN', 'SINH', 'SKEW', 'SLN', 'SLOPE', 'SMALL', 'SQL.REQUEST', 'SQRT', 'SQRTPI', 'STANDARDIZE', 'STDEV',
  'STDEVA', 'STDEVP', 'STDEVPA', 'STEYX', 'SUBSTITUTE', 'SUBTOTAL', 'SUM', 'SUMIF', 'SUMIFS', 'SUMPRODUCT', 'SUMSQ', 'SUMX2MY2', 'SUMX2PY2',
  'SUMXMY2', 'SYD', 'T', 'TAN', 'TANH', 'TBILLEQ', 'TBILLPRICE', 'TBILLYIELD', 'TDIST', 'TEXT', 'TIME', 'TIMEVALUE', 'TINV', 'TODAY',
  'TRANSPOSE', 'TREND', 'TRIM', 'TRIMMEAN', 'TRUE', 'TRUNC', 'TTEST', 'TYPE', 'UPPER', 'VALUE', 'VAR', 'VARA', 'VARP', 'VARPA', 'VDB',
  'VLOOKUP', 'WEEKDAY', 'WEEKNUM', 'WEIBULL', 'WORKDAY', 'XIRR', 'XNPV', 'YEAR', 'YEARFRAC', 'YIELD', 'YIELDDISC', 'YIELDMAT', 'ZTEST',
];

/**
 * Functions added in Excel 2010 and later, as [MS-XLSX] 2.2.2 lists them: each stored as
 * `_xlfn.NAME` (the value here is the whole stored prefix, for the few that need a namespace).
 */
export const FUTURE_FUNCTIONS: Readonly<Record<string, string>> = Object.fromEntries([
  ...[
    'ACOT', 'ACOTH', 'AGGREGATE', 'ARABIC', 'BASE', 'BETA.DIST', 'BETA.INV', 'BINOM.DIST', 'BINOM.DIST.RANGE', 'BINOM.INV', 'BITAND',
    'BITLSHIFT', 'BITOR', 'BITRSHIFT', 'BITXOR', 'CEILING.MATH', 'CEILING.PRECISE', 'CHISQ.DIST', 'CHISQ.DIST.RT', 'CHISQ.INV', 'CHISQ.INV.RT',
    'CHISQ.TEST', 'COMBINA', 'CONCAT', 'CONFIDENCE.NORM', 'CONFIDENCE.T', 'COT', 'COTH', 'COVARIANCE.P', 'COVARIANCE.S', 'CSC', 'CSCH', 'DAYS',
    'DECIMAL', 'ECMA.CEILING', 'ERF.PRECISE', 'ERFC.PRECISE', 'EXPON.DIST', 'F.DIST', 'F.DIST.RT', 'F.INV', 'F.INV.RT', 'F.TEST', 'FILTERXML',
    'FLOOR.MATH', 'FLOOR.PRECISE', 'FORECAST.ETS', 'FORECAST.ETS.CONFINT', 'FORECAST.ETS.SEASONALITY', 'FORECAST.ETS.STAT', 'FORECAST.LINEAR',
    'FORMULATEXT', 'GAMMA', 'GAMMA.DIST', 'GAMMA.INV', 'GAMMALN.PRECISE', 'GAUSS', 'HYPGEOM.DIST', 'IFNA', 'IFS', 'IMCOSH', 'IMCOT', 'IMCSC',
    'IMCSCH', 'IMSEC', 'IMSECH', 'IMSINH', 'IMTAN', 'ISFORMULA', 'ISO.CEILING', 'ISOWEEKNUM', 'LET', 'LAMBDA', 'LOGNORM.DIST', 'LOGNORM.INV',
    'MAXIFS', 'MINIFS', 'MODE.MULT', 'MODE.SNGL', 'MUNIT', 'NEGBINOM.DIST', 'NETWORKDAYS.INTL', 'NORM.DIST', 'NORM.INV', 'NORM.S.DIST',
    'NORM.S.INV', 'NUMBERVALUE', 'PDURATION', 'PERCENTILE.EXC', 'PERCENTILE.INC', 'PERCENTRANK.EXC', 'PERCENTRANK.INC', 'PERMUTATIONA', 'PHI',
    'POISSON.DIST', 'QUARTILE.EXC', 'QUARTILE.INC', 'RANK.AVG', 'RANK.EQ', 'RRI', 'SEC', 'SECH', 'SHEET', 'SHEETS', 'SKEW.P', 'STDEV.P',
    'STDEV.S', 'SWITCH', 'T.DIST', 'T.DIST.2T', 'T.DIST.RT', 'T.INV', 'T.INV.2T', 'T.TEST', 'TEXTJOIN', 'UNICHAR', 'UNICODE', 'VAR.P', 'VAR.S',
    'WEBSERVICE', 'WEIBULL.DIST', 'WORKDAY.INTL', 'XLOOKUP', 'XMATCH', 'XOR', 'Z.TEST', 'ANCHORARRAY', 'BYCOL', 'BYROW', 'CHOOSECOLS',
    'CHOOSEROWS', 'DROP', 'EXPAND', 'HSTACK', 'ISOMITTED', 'MAKEARRAY', 'MAP', 'REDUCE', 'SCAN', 'TAKE', 'TEXTAFTER', 'TEXTBEFORE',
    'TEXTSPLIT', 'TOCOL', 'TOROW', 'VALUETOTEXT', 'ARRAYTOTEXT', 'VSTACK', 'WRAPCOLS', 'WRAPROWS', 'UNIQUE', 'SEQUENCE', 'RANDARRAY',
  ].map((n) => [n, '_xlfn.']),
  // Dynamic-array functions whose stored name also carries the worksheet namespace.
  ...['FILTER', 'SORT', 'SORTBY'].map((n) => [n, '_xlfn._xlws.']),
]);

/** Whether `name`, as it appears before "(" in a stored formula, is a function Excel knows. */
export function knownStoredFunction(name: string): boolean {
  const upper = name.toUpperCase();
  if (/^_XLDUDF_/.test(upper)) return true; // a custom (user-defined) function, bound by its add-in
  for (const [fn, prefix] of Object.entries(FUTURE_FUNCTIONS)) if (upper === `${prefix.toUpperCase()}${fn}`) return true;
  return CLASSIC_FUNCTIONS.includes(upper);
}

/** A formula as Excel stores it: every future function given its `_xlfn.` prefix. */
export function withFuturePrefixes(formula: string): string {
  return formula.replace(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\(/g, (m, before: string, name: string) => {
    const prefix = FUTURE_FUNCTIONS[name.toUpperCase()];
    return prefix ? `${before}${prefix}${name.toUpperCase()}(` : m;
  });
}

/** The function names a stored formula calls (text in double quotes is skipped). */
export function functionNamesIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/(?:^|[^A-Za-z0-9_.!$'])((?:_xlfn\.)?(?:_xlws\.)?(?:_xldudf_)?[A-Za-z_][A-Za-z0-9_.]*)\(/g)].map((m) => m[1]);
}
