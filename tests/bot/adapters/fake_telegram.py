"""A fake Telegram Bot API on 127.0.0.1, speaking the API as python-telegram-bot calls it.

It keeps the state a test needs (updates to deliver, messages the bot sent, commands, callback and
inline answers), enforces the limits the real API enforces (4096 characters after entity parsing, strict
HTML entity parsing, empty text, 64-byte callback_data) and can be told to fail: 429 with `retry_after`,
403 for a blocked user, a migrated group, or a request that hangs past the client's timeout.

Users act through `user_message`, `press_button` and `inline_query`, which queue updates the way Telegram
builds them (entities with UTF-16 offsets included); `getUpdates` long-polls with offsets.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-fake-token"
MAX_TEXT = 4096
_JSON_FIELDS = {
    "reply_markup", "commands", "results", "scope", "allowed_updates", "link_preview_options",
    "reply_parameters", "entities", "button",
}  # fmt: skip
_ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span", "tg-spoiler",
    "tg-emoji", "blockquote",
}  # fmt: skip
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_TOKEN = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z-]+(?:=\"[^\"]*\"|='[^']*')?)*)\s*>"
    r"|&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);"
    r"|[<&]"
)
_COMMAND = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,64})?")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{5,32}")
_BOT_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")


class EntityParseError(ValueError):
    pass


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The text Telegram would display, or EntityParseError where Telegram would refuse the message."""
    out: list[str] = []
    stack: list[str] = []
    position = 0
    for match in _HTML_TOKEN.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        offset = len(text[: match.start()].encode("utf-8"))
        if match.group(2):
            name = match.group(2).lower()
            if name not in _ALLOWED_TAGS:
                raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {offset}')
            if match.group(1):
                if not stack or stack[-1] != name:
                    raise EntityParseError(f'Unexpected end tag "{name}" at byte offset {offset}')
                stack.pop()
            else:
                stack.append(name)
        elif match.group(4):
            entity = match.group(4)
            if entity.startswith("#x"):
                out.append(chr(int(entity[2:], 16)))
            elif entity.startswith("#"):
                out.append(chr(int(entity[1:])))
            elif entity in _NAMED_ENTITIES:
                out.append(_NAMED_ENTITIES[entity])
            else:
                raise EntityParseError(f'Unsupported HTML entity "&{entity};" at byte offset {offset}')
        else:
            raise EntityParseError(f"Can't find end of the entity starting at byte offset {offset}")
    out.append(text[position:])
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


@dataclass
class Fault:
    """One injected failure for the next matching call."""

    method: str
    status: int = 0
    description: str = ""
    parameters: dict[str, Any] | None = None
    hang: float = 0.0
    chat_id: int | None = None
    after: int = 0  # matching calls to let through before failing


@dataclass
class Upload:
    """A file the bot uploaded (multipart), as the Bot API received it."""

    filename: str
    data: bytes


@dataclass
class Photo:
    """A photo the bot sent (sendPhoto with an uploaded file)."""

    chat_id: int
    message_id: int
    upload: Upload
    caption: str


@dataclass
class Sent:
    """A message the bot sent: `text` as displayed, `raw` as sent, plus what came with it."""

    chat_id: int
    message_id: int
    text: str
    raw: str
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    reply_to: int | None
    message: dict[str, Any] = field(repr=False, default_factory=dict)

    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]


class FakeTelegram:
    def __init__(self, token: str = TOKEN, username: str = "radford_test_bot") -> None:
        self.token = token
        self.bot_user = {"id": 4242, "is_bot": True, "first_name": "Radford Bot", "username": username,
                         "can_join_groups": True, "supports_inline_queries": True}  # fmt: skip
        self.username = username
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.sent: list[Sent] = []
        self.photos: list[Photo] = []
        self.commands: dict[str | None, list[dict[str, Any]]] = {}
        self.callback_answers: list[dict[str, Any]] = []
        self.inline_answers: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None
        self.blocked: set[int] = set()
        self.migrated: dict[int, int] = {}
        self.faults: list[Fault] = []
        self.flooded: dict[int, int] = {}  # chat id → retry_after: every sendMessage there gets a 429
        self.down: int | None = None  # an HTTP status calls get (a 5xx outage, a 409 conflict…)…
        self.down_methods: set[str] | None = None  # …every call, or only these methods
        self.files: dict[str, bytes] = {}  # file_id → content, as getFile and the file server give it
        self.downloads: list[str] = []
        self.chat_admins: dict[int, set[int]] = {}  # chat id → the users getChatMember calls administrators
        self._chats: dict[int, dict[str, Any]] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._query_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._closing = asyncio.Event()
        self.port = 0

    # -- server ------------------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        self._closing.set()
        async with self._changed:
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error(ApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append((method, params))
        try:
            result = await self._dispatch(method, params)
        except ApiError as error:
            return self._error(error)
        finally:
            async with self._changed:
                self._changed.notify_all()
        return web.json_response({"ok": True, "result": result})

    async def _download(self, request: web.Request) -> web.Response:
        """The Bot API's file server: /file/bot<token>/<file_path> as getFile returned it."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        path = request.match_info["path"]
        self.downloads.append(path)
        file_id = path.removeprefix("documents/")
        if file_id not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[file_id], content_type="application/octet-stream")

    @staticmethod
    def _error(error: ApiError) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
        if error.parameters:
            body["parameters"] = error.parameters
        return web.json_response(body, status=error.code)

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        """Form fields as PTB sends them: strings as they are, everything else JSON-encoded."""
        if request.content_type == "application/json":
            data: dict[str, Any] = await request.json()
            return data
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):  # an uploaded file (sendPhoto): its bytes and name
                params[key] = Upload(value.filename, value.file.read())
                continue
            text = value if isinstance(value, str) else str(value)
            if key in _JSON_FIELDS or key.endswith("_id") or key in {"offset", "limit", "timeout"}:
                try:
                    params[key] = json.loads(text)
                    continue
                except ValueError:
                    pass
            params[key] = text
        return params

    async def _dispatch(self, method: str, params: dict[str, Any]) -> Any:
        await self._inject(method, params)
        handler = getattr(self, "_api_" + method, None)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return await handler(params)

    async def _inject(self, method: str, params: dict[str, Any]) -> None:
        if self.down is not None and (self.down_methods is None or method in self.down_methods):
            described = {409: "Conflict: terminated by other getUpdates request; make sure that only one bot "
                         "instance is running"}.get(self.down, "Bad Gateway")  # fmt: skip
            raise ApiError(self.down, described)
        if method == "sendMessage" and params.get("chat_id") in self.flooded:
            retry_after = self.flooded[params["chat_id"]]
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        for fault in self.faults:
            if fault.method == method and (fault.chat_id is None or fault.chat_id == params.get("chat_id")):
                if fault.after > 0:
                    fault.after -= 1
                    continue
                self.faults.remove(fault)
                if fault.hang:
                    await asyncio.sleep(fault.hang)
                    raise ApiError(502, "Bad Gateway")
                raise ApiError(fault.status, fault.description, fault.parameters)

    # -- failures a test can inject ----------------------------------------------------------------------

    def flood(self, method: str = "sendMessage", retry_after: int = 1, chat_id: int | None = None,
              after: int = 0) -> None:  # fmt: skip
        self.faults.append(Fault(method, 429, f"Too Many Requests: retry after {retry_after}",
                                 {"retry_after": retry_after}, chat_id=chat_id, after=after))  # fmt: skip

    def hang(self, method: str = "sendMessage", seconds: float = 2.0, chat_id: int | None = None) -> None:
        self.faults.append(Fault(method, hang=seconds, chat_id=chat_id))

    def fail(self, method: str, status: int, description: str, chat_id: int | None = None) -> None:
        self.faults.append(Fault(method, status, description, chat_id=chat_id))

    # -- what users do -----------------------------------------------------------------------------------

    def _user(self, user_id: int, language_code: str | None, first_name: str = "Ada") -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            user["language_code"] = language_code
        return user

    def _chat(self, chat_id: int, chat_type: str) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Ada"
        else:
            chat["title"] = "Test group"
        self._chats[chat_id] = chat
        return chat

    async def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        update["update_id"] = next(self._update_ids)
        async with self._changed:
            self.updates.append(update)
            self._changed.notify_all()
        return update

    @staticmethod
    def entities(text: str) -> list[dict[str, Any]]:
        """bot_command and mention entities, with offsets in UTF-16 units as Telegram gives them."""
        found: list[dict[str, Any]] = []
        command = _COMMAND.match(text)
        if command:
            found.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group(0))})
        for mention in _MENTION.finditer(text):
            found.append({"type": "mention", "offset": utf16_len(text[: mention.start()]),
                          "length": utf16_len(mention.group(0))})  # fmt: skip
        return found

    def make_message(self, text: str, *, chat_id: int = 1001, user_id: int | None = None,
                     chat_type: str = "private", language_code: str | None = "en",
                     reply_to: Sent | None = None) -> dict[str, Any]:  # fmt: skip
        """A message as Telegram would deliver it to the bot (without queueing it)."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chat(chat_id, chat_type),
            "from": self._user(user_id if user_id is not None else abs(chat_id), language_code),
            "text": text,
        }
        if entities := self.entities(text):
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to.message
        return message

    async def user_message(self, text: str, **options: Any) -> dict[str, Any]:
        """A user writes `text` in a chat (see `make_message`); returns the message as the bot receives it."""
        message = self.make_message(text, **options)
        await self._push({"message": message})
        return message

    async def user_document(self, content: bytes, *, file_name: str = "article.txt",
                            mime_type: str | None = "text/plain", caption: str | None = None,
                            **options: Any) -> dict[str, Any]:  # fmt: skip
        """A user sends a file (a document) with an optional caption; `options` as for `make_message`."""
        message = self.make_message("", **options)
        del message["text"]
        message.pop("entities", None)
        file_id = f"doc-{message['message_id']}"
        self.files[file_id] = content
        document: dict[str, Any] = {"file_id": file_id, "file_unique_id": "u" + file_id, "file_name": file_name,
                                    "file_size": len(content)}  # fmt: skip
        if mime_type:
            document["mime_type"] = mime_type
        message["document"] = document
        if caption is not None:
            message["caption"] = caption
            if entities := self.entities(caption):
                message["caption_entities"] = entities
        await self._push({"message": message})
        return message

    def migrate(self, old_id: int, new_id: int) -> None:
        """The group `old_id` became the supergroup `new_id`."""
        self._chat(new_id, "supergroup")
        self.migrated[old_id] = new_id

    async def press_button(self, sent: Sent, button: dict[str, Any], *, user_id: int | None = None,
                           language_code: str | None = "en") -> str:  # fmt: skip
        """A user presses an inline keyboard button under `sent`; returns the callback query id."""
        query_id = f"cbq-{next(self._query_ids)}"
        await self._push({"callback_query": {
            "id": query_id,
            "from": self._user(user_id if user_id is not None else abs(sent.chat_id), language_code),
            "message": sent.message,
            "chat_instance": f"ci-{sent.chat_id}",
            "data": button["callback_data"],
        }})  # fmt: skip
        return query_id

    async def bot_status(self, status: str, *, chat_id: int = 1001, chat_type: str = "private") -> None:
        """The bot's membership changes: "kicked" when a user blocks it, "member" when unblocked."""

        def member(state: str) -> dict[str, Any]:
            return {
                "user": self.bot_user,
                "status": state,
                **({"until_date": 0} if state == "kicked" else {}),
            }

        change = {
            "chat": self._chat(chat_id, chat_type),
            "from": self._user(abs(chat_id), "en"),
            "date": int(time.time()),
            "old_chat_member": member("kicked" if status == "member" else "member"),
            "new_chat_member": member(status),
        }
        await self._push({"my_chat_member": change})

    async def inline_query(self, query: str, *, user_id: int = 2002, language_code: str | None = "en") -> str:
        """A user types `@bot query` in some chat; returns the inline query id."""
        query_id = f"iq-{next(self._query_ids)}"
        await self._push({"inline_query": {"id": query_id, "from": self._user(user_id, language_code),
                                           "query": query, "offset": "", "chat_type": "sender"}})  # fmt: skip
        return query_id

    # -- waiting for the bot -----------------------------------------------------------------------------

    async def wait_for(self, condition: Callable[[], Any], within: float = 10.0) -> Any:
        """Wait until `condition()` is truthy (re-checked after every API call) and return its value."""

        async def wait() -> Any:
            async with self._changed:
                while not (value := condition()):
                    await self._changed.wait()
                return value

        return await asyncio.wait_for(wait(), within)

    async def replies(self, chat_id: int, count: int = 1, *, after: int = 0, within: float = 10.0) -> list[Sent]:
        """The first `count` messages sent to `chat_id` from index `after` of `sent` on."""

        def ready() -> list[Sent] | None:
            found = [s for s in self.sent[after:] if s.chat_id == chat_id]
            return found[:count] if len(found) >= count else None

        result: list[Sent] = await self.wait_for(ready, within)
        return result

    # -- the Bot API -------------------------------------------------------------------------------------

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return self.bot_user

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = None
        if params.get("drop_pending_updates") in (True, "true", "True"):
            self.updates.clear()
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        url = params.get("url", "")
        if not str(url).startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = params
        if params.get("drop_pending_updates") in (True, "true", "True"):
            self.updates.clear()
        return True

    async def _api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self.updates)}  # fmt: skip

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if offset:
            self.updates[:] = [u for u in self.updates if u["update_id"] >= offset]

        def pending() -> list[dict[str, Any]]:
            return [u for u in self.updates if u["update_id"] >= offset][:limit]

        deadline = asyncio.get_running_loop().time() + timeout
        async with self._changed:
            while not pending() and not self._closing.is_set():
                remaining = deadline - asyncio.get_running_loop().time()
                if remaining <= 0:
                    break
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    break
        return pending()

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        commands = params.get("commands") or []
        if len(commands) > 100:
            raise ApiError(400, "Bad Request: too many commands")
        for command in commands:
            if not _BOT_COMMAND_NAME.match(command.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[params.get("language_code") or None] = commands
        return True

    def _check_text(self, text: str, parse_mode: str | None) -> str:
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        shown = text
        if parse_mode and parse_mode.upper() == "HTML":
            try:
                shown = parse_html(text)
            except EntityParseError as error:
                raise ApiError(400, f"Bad Request: can't parse entities: {error}") from None
        if not shown.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(shown) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        return shown

    @staticmethod
    def _check_markup(markup: dict[str, Any] | None) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")

    def _target(self, chat_id: Any) -> int:
        chat = int(chat_id)
        if chat in self.migrated:
            raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                           {"migrate_to_chat_id": self.migrated[chat]})  # fmt: skip
        if chat in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat not in self._chats:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat_id = self._target(params.get("chat_id"))
        raw = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        shown = self._check_text(raw, parse_mode)
        markup = params.get("reply_markup")
        self._check_markup(markup)
        reply_to = (params.get("reply_parameters") or {}).get("message_id")
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chats[chat_id],
            "from": self.bot_user,
            "text": shown,
        }
        if markup:
            message["reply_markup"] = markup
        self.sent.append(Sent(chat_id, message["message_id"], shown, raw, parse_mode, markup, reply_to, message))
        return message

    async def _api_sendPhoto(self, params: dict[str, Any]) -> Any:
        chat_id = self._target(params.get("chat_id"))
        upload = params.get("photo")
        if isinstance(upload, str) and upload.startswith("attach://"):
            upload = params.get(upload.removeprefix("attach://"))
        if not isinstance(upload, Upload) or not upload.data:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        caption = str(params.get("caption", ""))
        if len(caption) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chats[chat_id],
            "from": self.bot_user,
            "caption": caption,
            "photo": [{"file_id": f"photo{len(self.photos)}", "file_unique_id": f"p{len(self.photos)}",
                       "width": 1200, "height": 800, "file_size": len(upload.data)}],
        }  # fmt: skip
        self.photos.append(Photo(chat_id, message["message_id"], upload, caption))
        return message

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        chat_id = self._target(params.get("chat_id"))
        shown = self._check_text(str(params.get("text", "")), params.get("parse_mode"))
        for sent in self.sent:
            if sent.chat_id == chat_id and sent.message_id == int(params.get("message_id", 0)):
                if sent.text == shown:
                    raise ApiError(400, "Bad Request: message is not modified")
                sent.text = shown
                sent.message["text"] = shown
                return sent.message
        raise ApiError(400, "Bad Request: message to edit not found")

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        if len(str(params.get("text", ""))) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self.callback_answers.append(params)
        return True

    async def _api_answerInlineQuery(self, params: dict[str, Any]) -> Any:
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [r.get("id", "") for r in results]
        if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode("utf-8")) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            content = result.get("input_message_content") or {}
            result["shown"] = self._check_text(content.get("message_text", ""), content.get("parse_mode"))
        self.inline_answers.append(params)
        return True

    async def _api_getChatMember(self, params: dict[str, Any]) -> Any:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        user = self._user(user_id, None)
        if user_id in self.chat_admins.get(chat_id, set()):
            rights = ("can_be_edited is_anonymous can_manage_chat can_delete_messages can_manage_video_chats "
                      "can_restrict_members can_promote_members can_change_info can_invite_users "
                      "can_post_stories can_edit_stories can_delete_stories").split()  # fmt: skip
            return {"user": user, "status": "administrator", **{right: right == "can_manage_chat" for right in rights}}
        return {"user": user, "status": "member"}

    async def _api_getFile(self, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id", ""))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {"file_id": file_id, "file_unique_id": "u" + file_id, "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}"}  # fmt: skip

    async def _api_deleteMyCommands(self, params: dict[str, Any]) -> Any:
        self.commands.pop(params.get("language_code") or None, None)
        return True

    async def _api_close(self, params: dict[str, Any]) -> Any:
        return True
