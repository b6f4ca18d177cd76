"""The portal's own notices in words, registered in `PortalConfig.ready` so that each reader
sees their inbox in their own language (`portal.texts`)."""

from django.utils.translation import gettext_lazy as _

TEXTS = {
    "portal.welcome": _("欢迎注册县政务服务网"),
    "portal.welcome_body": _(
        "您已成功注册。今后办事、投诉、测评时，您的信息将自动填写，无需重复录入。"
    ),
    "portal.password_reset": _("密码已重设"),
    "portal.password_reset_body": _(
        "您的账号密码已通过短信验证码重设。如非本人操作，请立即拨打12345热线。"
    ),
    "portal.mobile_changed": _("手机号码已更换"),
    "portal.mobile_changed_body": _("您的账号已更换为新的手机号码，今后请用新号码登录和接收短信。"),
    "portal.mobile_left_body": _(
        "您的政务服务网账号已改用其他手机号码。如非本人操作，请立即拨打12345热线。"
    ),
}
