-- wrk: POST /createTimelineEvent to incident-chat serve --no-auth; ARN names the incident.
local arn = os.getenv("ARN")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = string.format(
    '{"incidentRecordArn":"%s","eventTime":%d,"eventType":"Custom Event","eventData":"\\"event %d\\""}',
    arn, 1795514400 + counter, counter)
  return wrk.format(nil, "/createTimelineEvent", nil, body)
end
