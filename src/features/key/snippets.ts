/**
 * Ready-to-run ways to use a new key. None contains the secret: they read VENICE_API_KEY from the
 * environment (the downloaded .env), so copying one never puts the key on the clipboard.
 */
export interface Snippet {
  id: string
  label: string
  code: string
}

const CHAT_MODEL = 'venice-uncensored'

export function envFile(secret: string, apiUrl: string): string {
  return `VENICE_API_KEY=${secret}\nVENICE_BASE_URL=${apiUrl}\n`
}

export function snippets(apiUrl: string, envName: string): Snippet[] {
  const load = `set -a; . ./${envName}; set +a`
  const auth = '-H "Authorization: Bearer $VENICE_API_KEY"'
  return [
    {
      id: 'limits',
      label: 'curl: rate limits',
      code: `${load}\ncurl -s ${auth} \\\n  "$VENICE_BASE_URL/api_keys/rate_limits"`,
    },
    {
      id: 'chat',
      label: 'curl: chat',
      code: `${load}\ncurl -s "$VENICE_BASE_URL/chat/completions" ${auth} \\\n  -H "Content-Type: application/json" \\\n  -d '{"model": "${CHAT_MODEL}", "messages": [{"role": "user", "content": "Hello"}]}'`,
    },
    {
      id: 'js',
      label: 'JavaScript',
      code: `// npm install openai\nimport OpenAI from 'openai'\n\nconst client = new OpenAI({\n  apiKey: process.env.VENICE_API_KEY,\n  baseURL: '${apiUrl}',\n})\nconst reply = await client.chat.completions.create({\n  model: '${CHAT_MODEL}',\n  messages: [{ role: 'user', content: 'Hello' }],\n})\nconsole.log(reply.choices[0].message.content)`,
    },
    {
      id: 'python',
      label: 'Python',
      code: `# pip install openai\nimport os\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ["VENICE_API_KEY"], base_url="${apiUrl}")\nreply = client.chat.completions.create(\n    model="${CHAT_MODEL}",\n    messages=[{"role": "user", "content": "Hello"}],\n)\nprint(reply.choices[0].message.content)`,
    },
  ]
}
