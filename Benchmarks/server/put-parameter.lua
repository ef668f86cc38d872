-- wrk: SSM PutParameter (JSON 1.1) to moto's server, the comparable write it implements.
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "AmazonSSM.PutParameter"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=0"
request = function()
  counter = counter + 1
  local body = string.format('{"Name":"/bench/p%d","Value":"event %d","Type":"String","Overwrite":true}',
    counter % 1000, counter)
  return wrk.format(nil, "/", nil, body)
end
