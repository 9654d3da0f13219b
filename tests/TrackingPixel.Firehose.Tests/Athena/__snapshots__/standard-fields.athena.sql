CREATE EXTERNAL TABLE IF NOT EXISTS `tracking_pixel` (
  `date` string COMMENT 'Time the platform received the request, ISO 8601 UTC with milliseconds.',
  `ip` string COMMENT 'Client address chosen by the client IP policy (the address the platform observed unless trusted proxies are configured).',
  `useragent` string COMMENT 'The User-Agent request header.',
  `userid` string COMMENT 'The first value of the userid query parameter.',
  `thirdpartyid` string COMMENT 'The first value of the thirdpartyname query parameter.',
  `eventtype` string COMMENT 'beacon or click; absent for a pixel view.',
  `clicktarget` string COMMENT 'The URL a signed click link redirected to; present for clicks only.',
  `_truncated` array<string> COMMENT 'Names of the fields whose values were cut to fit the size limits; present only when one was.'
)
PARTITIONED BY (`year` int, `month` int, `day` int, `hour` int)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://example-bucket/records/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.year.type' = 'integer', 'projection.year.range' = '2024,2099',
  'projection.month.type' = 'integer', 'projection.month.range' = '1,12', 'projection.month.digits' = '2',
  'projection.day.type' = 'integer', 'projection.day.range' = '1,31', 'projection.day.digits' = '2',
  'projection.hour.type' = 'integer', 'projection.hour.range' = '0,23', 'projection.hour.digits' = '2',
  'storage.location.template' = 's3://example-bucket/records/year=${year}/month=${month}/day=${day}/hour=${hour}/'
);
