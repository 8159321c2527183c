/**
 * Compile-time ties between the fake and `@types/google-apps-script`.
 *
 * Each `…Keys` union lists what the fake implements; `Pick<Real, Keys>` fails to compile if a
 * name drifts from the real interface. `Shape<Real, Keys>` additionally requires each fake method
 * to accept the real parameters (of the last overload); return types are not compared, since the
 * fake returns fake objects. The assertions at the bottom make the compiler check every class.
 */
import type {
  FakeBooleanCondition,
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidation,
  FakeDataValidationBuilder,
  FakeEmbeddedChart,
  FakeEmbeddedChartBuilder,
  FakeNamedRange,
  FakeProtection,
  FakeRange,
  FakeRangeList,
  FakeSheet,
  FakeSpreadsheet,
} from './spreadsheet';
import type {
  FakeClockTriggerBuilder,
  FakeLock,
  FakeLockService,
  FakeLogger,
  FakeMailApp,
  FakeProperties,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeSpreadsheetTriggerBuilder,
  FakeTrigger,
  FakeTriggerBuilder,
  FakeUtilities,
} from './services';
import type { FakeHtmlOutput, FakeHtmlService, FakeHtmlTemplate, FakeMenu, FakeUi } from './ui';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyFunction = (...args: any[]) => any;
/* eslint-enable @typescript-eslint/no-explicit-any */

export type Shape<T, K extends keyof T> = {
  [P in K]: T[P] extends AnyFunction ? (...args: Parameters<T[P]>) => unknown : unknown;
};

export type SpreadsheetAppKeys =
  | 'getActive'
  | 'getActiveSpreadsheet'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'setActiveSheet'
  | 'flush'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'openById'
  | 'ProtectionType'
  | 'DataValidationCriteria'
  | 'BooleanCriteria'
  | 'WrapStrategy';

export type SpreadsheetKeys =
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'rename'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSheetByName'
  | 'getSheetById'
  | 'getSheetName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'getRange'
  | 'getRangeByName'
  | 'setNamedRange'
  | 'getNamedRanges'
  | 'removeNamedRange'
  | 'getProtections'
  | 'toast';

export type SheetKeys =
  | 'getName'
  | 'getSheetName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getDataRange'
  | 'getRangeList'
  | 'getSheetValues'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowAfter'
  | 'insertRowsBefore'
  | 'insertRowBefore'
  | 'insertColumnsAfter'
  | 'insertColumnAfter'
  | 'insertColumnsBefore'
  | 'deleteRows'
  | 'deleteRow'
  | 'deleteColumns'
  | 'deleteColumn'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'activate'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setTabColor'
  | 'getTabColor'
  | 'autoResizeColumns'
  | 'autoResizeColumn'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'clearConditionalFormatRules'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'removeChart'
  | 'updateChart'
  | 'getProtections'
  | 'protect'
  | 'clear'
  | 'clearContents'
  | 'clearFormats';

export type RangeKeys =
  | 'getValues'
  | 'getValue'
  | 'setValues'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'setFormulas'
  | 'isBlank'
  | 'clearContent'
  | 'clear'
  | 'clearFormat'
  | 'clearDataValidations'
  | 'clearNote'
  | 'getA1Notation'
  | 'getRow'
  | 'getRowIndex'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getSheet'
  | 'getGridId'
  | 'offset'
  | 'activate'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setFontColor'
  | 'getFontColor'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'setFontStyle'
  | 'setFontSize'
  | 'setFontFamily'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setHorizontalAlignment'
  | 'getHorizontalAlignment'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'getWrap'
  | 'setNote'
  | 'setNotes'
  | 'getNote'
  | 'getNotes'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'insertCheckboxes'
  | 'protect';

export type RangeListKeys = 'getRanges' | 'setNumberFormat';

export type ProtectionKeys =
  | 'getProtectionType'
  | 'getRange'
  | 'setRange'
  | 'getDescription'
  | 'setDescription'
  | 'isWarningOnly'
  | 'setWarningOnly'
  | 'canEdit'
  | 'canDomainEdit'
  | 'setDomainEdit'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditors'
  | 'getEditors'
  | 'setUnprotectedRanges'
  | 'getUnprotectedRanges'
  | 'remove';

export type NamedRangeKeys = 'getName' | 'getRange' | 'setName' | 'setRange' | 'remove';

export type DataValidationKeys =
  'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy';

export type DataValidationBuilderKeys =
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireDateBetween'
  | 'requireDateEqualTo'
  | 'requireNumberBetween'
  | 'requireNumberNotBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberNotEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireFormulaSatisfied'
  | 'withCriteria'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getAllowInvalid'
  | 'getHelpText'
  | 'copy'
  | 'build';

export type ConditionalFormatRuleBuilderKeys =
  | 'whenFormulaSatisfied'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
  | 'whenTextEndsWith'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberBetween'
  | 'whenNumberNotBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberNotEqualTo'
  | 'whenDateAfter'
  | 'whenDateBefore'
  | 'whenDateEqualTo'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setItalic'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'setRanges'
  | 'getRanges'
  | 'getBooleanCondition'
  | 'getGradientCondition'
  | 'copy'
  | 'build';

export type ConditionalFormatRuleKeys =
  'getRanges' | 'getBooleanCondition' | 'getGradientCondition' | 'copy';

export type BooleanConditionKeys =
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getBackground'
  | 'getFontColor'
  | 'getBold'
  | 'getItalic'
  | 'getStrikethrough'
  | 'getUnderline';

export type EmbeddedChartKeys =
  'getChartId' | 'getOptions' | 'getRanges' | 'getNumHeaders' | 'getContainerInfo' | 'modify';

export type EmbeddedChartBuilderKeys =
  | 'setChartType'
  | 'getChartType'
  | 'asAreaChart'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'asTableChart'
  | 'addRange'
  | 'removeRange'
  | 'clearRanges'
  | 'getRanges'
  | 'setOption'
  | 'setPosition'
  | 'setNumHeaders'
  | 'build';

export type UiKeys =
  | 'createMenu'
  | 'createAddonMenu'
  | 'alert'
  | 'prompt'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'Button'
  | 'ButtonSet';

export type MenuKeys = 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi';

export type MailAppKeys = 'sendEmail' | 'getRemainingDailyQuota';

export type ScriptAppKeys =
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
  | 'AuthMode'
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay';

export type TriggerBuilderKeys = 'timeBased' | 'forSpreadsheet';

export type ClockTriggerBuilderKeys =
  | 'everyMinutes'
  | 'everyHours'
  | 'everyDays'
  | 'everyWeeks'
  | 'onWeekDay'
  | 'onMonthDay'
  | 'atHour'
  | 'nearMinute'
  | 'inTimezone'
  | 'at'
  | 'atDate'
  | 'after'
  | 'create';

export type SpreadsheetTriggerBuilderKeys =
  'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create';

export type TriggerKeys =
  'getHandlerFunction' | 'getUniqueId' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId';

export type LockServiceKeys = 'getDocumentLock' | 'getScriptLock' | 'getUserLock';
export type LockKeys = 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock';

export type PropertiesServiceKeys =
  'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties';
export type PropertiesKeys =
  | 'getProperty'
  | 'setProperty'
  | 'getProperties'
  | 'setProperties'
  | 'getKeys'
  | 'deleteProperty'
  | 'deleteAllProperties';

export type SessionKeys =
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getActiveUserLocale'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey';

export type UtilitiesKeys =
  'formatDate' | 'sleep' | 'getUuid' | 'base64Encode' | 'base64Decode' | 'newBlob';

export type HtmlServiceKeys =
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
  | 'getUserAgent'
  | 'SandboxMode'
  | 'XFrameOptionsMode';

export type HtmlOutputKeys =
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'getMetaTags'
  | 'setFaviconUrl'
  | 'getFaviconUrl';

export type HtmlTemplateKeys = 'evaluate' | 'getCode' | 'getRawContent';

export type LoggerKeys = 'log' | 'getLog' | 'clear';

// The globals as tests and the bundle see them: real types, restricted to what the fake has.
export type FakeSpreadsheetApp = Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  SpreadsheetAppKeys
>;
export type FakeMailAppGlobal = Pick<GoogleAppsScript.Mail.MailApp, MailAppKeys>;
export type FakeScriptAppGlobal = Pick<GoogleAppsScript.Script.ScriptApp, ScriptAppKeys>;
export type FakeLockServiceGlobal = Pick<GoogleAppsScript.Lock.LockService, LockServiceKeys>;
export type FakePropertiesServiceGlobal = Pick<
  GoogleAppsScript.Properties.PropertiesService,
  PropertiesServiceKeys
>;
export type FakeSessionGlobal = Pick<GoogleAppsScript.Base.Session, SessionKeys>;
export type FakeUtilitiesGlobal = Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesKeys>;
export type FakeHtmlServiceGlobal = Pick<GoogleAppsScript.HTML.HtmlService, HtmlServiceKeys>;
export type FakeLoggerGlobal = Pick<GoogleAppsScript.Base.Logger, LoggerKeys>;
export type FakeChartsGlobal = Pick<GoogleAppsScript.Charts.Charts, 'ChartType'>;

// ---------------------------------------------------------------------------------------------
// The checks. Never called; they exist so `tsc` compares every fake class with the real one.

export type Check<Real, K extends keyof Real, Fake extends Shape<Real, K>> = Fake;

export type ShapeChecks = [
  Check<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetKeys, FakeSpreadsheet>,
  Check<GoogleAppsScript.Spreadsheet.Sheet, SheetKeys, FakeSheet>,
  Check<GoogleAppsScript.Spreadsheet.Range, RangeKeys, FakeRange>,
  Check<GoogleAppsScript.Spreadsheet.RangeList, RangeListKeys, FakeRangeList>,
  Check<GoogleAppsScript.Spreadsheet.Protection, ProtectionKeys, FakeProtection>,
  Check<GoogleAppsScript.Spreadsheet.NamedRange, NamedRangeKeys, FakeNamedRange>,
  Check<GoogleAppsScript.Spreadsheet.DataValidation, DataValidationKeys, FakeDataValidation>,
  Check<
    GoogleAppsScript.Spreadsheet.DataValidationBuilder,
    DataValidationBuilderKeys,
    FakeDataValidationBuilder
  >,
  Check<
    GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
    ConditionalFormatRuleBuilderKeys,
    FakeConditionalFormatRuleBuilder
  >,
  Check<
    GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
    ConditionalFormatRuleKeys,
    FakeConditionalFormatRule
  >,
  Check<GoogleAppsScript.Spreadsheet.BooleanCondition, BooleanConditionKeys, FakeBooleanCondition>,
  Check<GoogleAppsScript.Spreadsheet.EmbeddedChart, EmbeddedChartKeys, FakeEmbeddedChart>,
  Check<
    GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
    EmbeddedChartBuilderKeys,
    FakeEmbeddedChartBuilder
  >,
  Check<GoogleAppsScript.Base.Ui, UiKeys, FakeUi>,
  Check<GoogleAppsScript.Base.Menu, MenuKeys, FakeMenu>,
  Check<GoogleAppsScript.Mail.MailApp, MailAppKeys, FakeMailApp>,
  Check<GoogleAppsScript.Script.ScriptApp, ScriptAppKeys, FakeScriptApp>,
  Check<GoogleAppsScript.Script.TriggerBuilder, TriggerBuilderKeys, FakeTriggerBuilder>,
  Check<
    GoogleAppsScript.Script.ClockTriggerBuilder,
    ClockTriggerBuilderKeys,
    FakeClockTriggerBuilder
  >,
  Check<
    GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
    SpreadsheetTriggerBuilderKeys,
    FakeSpreadsheetTriggerBuilder
  >,
  Check<GoogleAppsScript.Script.Trigger, TriggerKeys, FakeTrigger>,
  Check<GoogleAppsScript.Lock.LockService, LockServiceKeys, FakeLockService>,
  Check<GoogleAppsScript.Lock.Lock, LockKeys, FakeLock>,
  Check<
    GoogleAppsScript.Properties.PropertiesService,
    PropertiesServiceKeys,
    FakePropertiesService
  >,
  Check<GoogleAppsScript.Properties.Properties, PropertiesKeys, FakeProperties>,
  Check<GoogleAppsScript.Base.Session, SessionKeys, FakeSession>,
  Check<GoogleAppsScript.Utilities.Utilities, UtilitiesKeys, FakeUtilities>,
  Check<GoogleAppsScript.HTML.HtmlService, HtmlServiceKeys, FakeHtmlService>,
  Check<GoogleAppsScript.HTML.HtmlOutput, HtmlOutputKeys, FakeHtmlOutput>,
  Check<GoogleAppsScript.HTML.HtmlTemplate, HtmlTemplateKeys, FakeHtmlTemplate>,
  Check<GoogleAppsScript.Base.Logger, LoggerKeys, FakeLogger>,
];
